% rebase('base.tpl', title=title, site_name=site_name, q='', user=user, csrf=csrf)
<section class="formulir">
<h1>{{'Sunting catatan evaluasi' if editing else 'Tulis catatan evaluasi'}}</h1>
% if error:
<p class="galat" role="alert">{{error}}</p>
% end
<form method="post" action="/catatan">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <input type="hidden" name="tulis" value="1">
  % if editing:
  <input type="hidden" name="id" value="{{f.get('id', '')}}">
  % end
  <p><label for="judul">Judul</label><br><input id="judul" name="judul" required size="70" value="{{f.get('judul', '')}}"></p>
  <p><label for="nomor">Nomor</label> <input id="nomor" name="nomor" value="{{f.get('nomor', '')}}">
     <label for="tanggal">Tanggal</label> <input id="tanggal" name="tanggal" type="date" value="{{f.get('tanggal', '')}}"></p>
  <p><label for="tag">Tag</label> <input id="tag" name="tag" value="{{f.get('tag', '')}}" placeholder="PAW, klarifikasi"></p>
  <p><label for="isi-catatan">Isi (Markdown: "## 1. Judul bagian" memulai bagian baru)</label><br>
    <textarea id="isi-catatan" name="isi" rows="24" cols="90" required>{{f.get('isi', '')}}</textarea></p>
  <p><button type="submit">Simpan catatan</button> <a href="/catatan">Batal</a></p>
</form>
</section>
