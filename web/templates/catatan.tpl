% rebase('base.tpl', title=title, site_name=site_name, q='', user=user, csrf=csrf)
<div class="pembaca dengan-panel">
<nav class="daftar-isi" aria-label="Daftar isi">
  <h2>Daftar Isi</h2>
  <ol>
  % for uid, label in toc:
    <li><a href="#{{uid}}">{{label}}</a></li>
  % end
  </ol>
</nav>
<article class="dokumen catatan-evaluasi">
  <p class="label-internal">Dokumen internal — hanya untuk staf</p>
  <h1>{{doc['judul']}}</h1>
  <table class="metadata">
    <caption>Metadata</caption>
    <tr><th scope="row">Tipe Dokumen</th><td>{{doc['tipe']}}</td></tr>
    % for key, label in (('nomor', 'Nomor'), ('tanggal_penetapan', 'Tanggal'), ('penandatangan', 'Penulis'), ('subjek', 'Tag'), ('sumber', 'Keterangan')):
    % if doc.get(key):
    <tr><th scope="row">{{label}}</th><td>{{doc[key]}}</td></tr>
    % end
    % end
  </table>
  <p class="unduh"><a href="/catatan/{{doc['id']}}/berkas">Unduh berkas asli ({{doc['format'].upper()}})</a>
    % if doc['format'] == 'md':
    · <a href="/catatan/{{doc['id']}}/sunting">Sunting</a>
    % end
  </p>
  <div class="naskah" data-anotasi-dokumen="{{doc['id']}}" data-csrf="{{csrf}}">
  {{!body}}
  </div>
</article>
% include('anotasi_panel.tpl', anotasi=anotasi, store=anotasi.store, user=anotasi.user, csrf=csrf, lanjut=anotasi.lanjut)
</div>
<script src="/static/anotasi.js" defer></script>
