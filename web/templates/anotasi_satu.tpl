% rebase('base.tpl', title=title, site_name=site_name, q='', user=user, csrf=csrf)
% import json
<div class="satu-anotasi">
<p class="remah"><a href="/anotasi">Anotasi</a> › <a href="{{doc_url(store, t.doc_id)}}">{{cite(store, t.doc_id)}}</a></p>
<h1>Anotasi pada {{cite(store, t.doc_id, t.unit_id)}}</h1>
% if error:
<p class="galat" role="alert">{{error}}</p>
% end
% include('anotasi_utas.tpl', t=t, unit_href=doc_url(store, t.doc_id, t.unit_id), store=store, user=user, csrf=csrf, lanjut=lanjut, anotasi_labels=labels)

<section class="jangkar-rinci">
  <h2>Jangkar</h2>
  <table class="metadata">
    <tr><th scope="row">Status</th><td>{{labels['anchor'][t.anchor_status]}}{{' — ' + t.anchor_note if t.anchor_note else ''}}</td></tr>
    <tr><th scope="row">Dibuat pada</th><td>{{cite(store, t.doc_id, t.base_unit_id)}}{{' (versi berkas ' + t.base_version[:12] + ')' if t.base_version else ''}}</td></tr>
    <tr><th scope="row">Kutipan semula</th><td>{{t.quote or '(seluruh unit)'}}</td></tr>
    % if t.anchor_status in ('dipindah', 'teks_berubah'):
    <tr><th scope="row">Sekarang di</th><td><a href="{{doc_url(store, t.doc_id, t.unit_id)}}">{{cite(store, t.doc_id, t.unit_id)}}</a></td></tr>
    % if t.current[2]:
    <tr><th scope="row">Teks sekarang</th><td>{{t.current[2]}}</td></tr>
    % end
    % end
    <tr><th scope="row">Diperiksa</th><td>{{t.anchor_checked_at or '-'}}</td></tr>
  </table>
  % if t.anchor_status != 'utuh' and t.base_text and not t.quote:
  <details><summary>Teks unit semula</summary><div class="teks-praformat">{{t.base_text}}</div></details>
  % end
  % if t.anchor_status in ('dipindah', 'teks_berubah') and not t.deleted_at:
  <form method="post" action="/anotasi/{{t.id}}/konfirmasi" data-api="POST /api/anotasi/{{t.id}}/konfirmasi">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <button type="submit">Konfirmasi: jangkar sekarang sudah benar</button>
    <p class="galat" role="alert" hidden></p>
  </form>
  % end
  % if t.anchor_status != 'utuh' and not t.deleted_at:
  <h3>Pasang ke unit lain</h3>
  % if t.anchor_candidates:
  <p>Unit yang mungkin memuat teks yang dianotasi (tidak dipasang otomatis):</p>
  <ul>
    % for c in t.anchor_candidates:
    % if c in units:
    <li><a href="{{doc_url(store, t.doc_id, c)}}">{{unit_citation(c)}}</a>: {{(units[c].text or '')[:160]}}
      <form method="post" action="/anotasi/{{t.id}}/pasang" class="sebaris">
        <input type="hidden" name="csrf_token" value="{{csrf}}">
        <input type="hidden" name="unit" value="{{c}}">
        % if t.quote and t.quote in (units[c].text or ''):
        % s = units[c].text.find(t.quote)
        <input type="hidden" name="mulai" value="{{s}}"><input type="hidden" name="akhir" value="{{s + len(t.quote)}}">
        <input type="hidden" name="kutipan" value="{{t.quote}}">
        % end
        <button type="submit" class="kedua">Pasang di sini</button>
      </form></li>
    % end
    % end
  </ul>
  % end
  <form method="post" action="/anotasi/{{t.id}}/pasang" class="formulir">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <label for="pasang-unit">Id unit (mis. pasal_2__ayat_4__huruf_j); seluruh unit</label>
    <input id="pasang-unit" name="unit" value="{{f.get('unit', '')}}" required>
    <button type="submit" class="kedua">Pasang</button>
  </form>
  % end
</section>

% if may_manage:
<section class="ubah-anotasi">
  <h2>Ubah</h2>
  % if not t.deleted_at:
  <form method="post" action="/anotasi/{{t.id}}/ubah" data-api="PATCH /api/anotasi/{{t.id}}" class="formulir">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <p><label for="ubah-isi">Isi</label><br><textarea id="ubah-isi" name="isi" rows="5" cols="70" required>{{f.get('isi', t.body)}}</textarea></p>
    <p><label for="ubah-tag">Tag</label><br><input id="ubah-tag" name="tag" value="{{f.get('tag', ', '.join(t.tags))}}"></p>
    <p><label for="ubah-jenis">Jenis</label>
      <select id="ubah-jenis" name="jenis">
        % for k, v in labels['kind'].items():
        <option value="{{k}}" {{'selected' if f.get('jenis', t.kind) == k else ''}}>{{v}}</option>
        % end
      </select>
      <label for="ubah-vis">Visibilitas</label>
      <select id="ubah-vis" name="visibilitas">
        % for k, v in labels['visibility'].items():
        <option value="{{k}}" {{'selected' if f.get('visibilitas', t.visibility) == k else ''}}>{{v}}</option>
        % end
      </select></p>
    <p><label for="ubah-tautan">Tautan (satu per baris)</label><br>
      <textarea id="ubah-tautan" name="tautan" rows="2" cols="70">{{f.get('tautan', '\n'.join(d + ('#' + u if u else '') for d, u in t.links))}}</textarea></p>
    <p><button type="submit">Simpan perubahan</button></p>
    <p class="galat" role="alert" hidden></p>
  </form>
  <form method="post" action="/anotasi/{{t.id}}/hapus" data-api="DELETE /api/anotasi/{{t.id}}">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <button type="submit" class="bahaya">Hapus anotasi (dapat dipulihkan)</button>
    <p class="galat" role="alert" hidden></p>
  </form>
  % else:
  <form method="post" action="/anotasi/{{t.id}}/pulihkan" data-api="POST /api/anotasi/{{t.id}}/pulihkan">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <button type="submit">Pulihkan anotasi</button>
    <p class="galat" role="alert" hidden></p>
  </form>
  % end
</section>
% end

<section class="riwayat">
  <h2>Riwayat</h2>
  <table class="tabel">
    <thead><tr><th scope="col">Waktu</th><th scope="col">Oleh</th><th scope="col">Tindakan</th><th scope="col">Rincian</th></tr></thead>
    <tbody>
    % for h in history:
    <tr><td>{{h['at']}}</td><td>{{h['actor']}}</td><td>{{h['action']}}</td>
        <td><code>{{json.dumps(h['data'], ensure_ascii=False)[:400]}}</code></td></tr>
    % end
    </tbody>
  </table>
</section>
</div>
% if user:
<script src="/static/anotasi.js" defer></script>
% end
