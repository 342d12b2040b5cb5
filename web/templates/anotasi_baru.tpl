% rebase('base.tpl', title=title, site_name=site_name, q='', user=user, csrf=csrf)
<section class="formulir">
<h1>Anotasi baru</h1>
<p>Untuk <strong>{{citation}}</strong>{{' — seluruh unit' if not f.get('mulai') else ''}}.</p>
% if f.get('kutipan'):
<blockquote class="kutipan-anotasi">{{f['kutipan']}}</blockquote>
% end
% if error:
<p class="galat" role="alert">{{error}}</p>
% end
<form method="post" action="/anotasi">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  % for k in ('dokumen', 'unit', 'mulai', 'akhir', 'kutipan', 'lanjut'):
  <input type="hidden" name="{{k}}" value="{{f.get(k, '')}}">
  % end
  <p><label for="isi-anotasi">Isi anotasi</label><br><textarea id="isi-anotasi" name="isi" rows="6" cols="70" required>{{f.get('isi', '')}}</textarea></p>
  <p><label for="tag">Tag (pisahkan dengan koma)</label><br><input id="tag" name="tag" value="{{f.get('tag', '')}}" placeholder="PAW, multitafsir"></p>
  <p><label for="jenis">Jenis</label>
    <select id="jenis" name="jenis">
      % for k, v in labels['kind'].items():
      <option value="{{k}}" {{'selected' if f.get('jenis', 'catatan') == k else ''}}>{{v}}</option>
      % end
    </select>
    <label for="visibilitas">Visibilitas</label>
    <select id="visibilitas" name="visibilitas">
      % for k, v in labels['visibility'].items():
      <option value="{{k}}" {{'selected' if f.get('visibilitas', 'internal') == k else ''}}>{{v}}</option>
      % end
    </select></p>
  <p><label for="tautan">Tautan ke pasal atau catatan lain (satu per baris)</label><br>
    <textarea id="tautan" name="tautan" rows="2" cols="70" placeholder="Pasal 242 UU 17/2014">{{f.get('tautan', '')}}</textarea></p>
  <p><button type="submit">Simpan anotasi</button> <a href="{{back}}">Batal</a></p>
</form>
<p class="petunjuk">Pribadi: hanya Anda. Internal: semua staf. Publik: juga tampil di halaman publik dokumen ini.</p>
</section>
