% rebase('base.tpl', title=title, site_name=site_name, q='', user=user, csrf=csrf)
<div class="daftar-anotasi">
<h1>Anotasi</h1>
% if message:
<p class="pesan" role="status">{{message}}</p>
% end
<form class="cari-anotasi formulir" method="get" action="/anotasi" role="search">
  <p><label for="anotasi-q">Cari dalam isi anotasi, kutipan, dan tag</label><br>
    <input id="anotasi-q" name="q" type="search" value="{{params.get('q', '')}}" placeholder="mis. klarifikasi mengundurkan diri">
    <button type="submit">Cari</button></p>
  <p class="saring">
    <label for="f-tag">Tag</label>
    <select id="f-tag" name="tag"><option value="">semua</option>
      % for tag, n in tags:
      <option value="{{tag}}" {{'selected' if params.get('tag', '').lower() == tag.lower() else ''}}>{{tag}} ({{n}})</option>
      % end
    </select>
    <label for="f-penulis">Penulis</label>
    <select id="f-penulis" name="penulis"><option value="">semua</option>
      % for a in authors:
      <option value="{{a}}" {{'selected' if params.get('penulis') == a else ''}}>{{a}}</option>
      % end
    </select>
    <label for="f-status">Status</label>
    <select id="f-status" name="status"><option value="">semua</option>
      % for k, v in labels['status'].items():
      <option value="{{k}}" {{'selected' if params.get('status') == k else ''}}>{{v}}</option>
      % end
    </select>
    <label for="f-jenis">Jenis</label>
    <select id="f-jenis" name="jenis"><option value="">semua</option>
      % for k, v in labels['kind'].items():
      <option value="{{k}}" {{'selected' if params.get('jenis') == k else ''}}>{{v}}</option>
      % end
    </select>
    <label for="f-vis">Visibilitas</label>
    <select id="f-vis" name="visibilitas"><option value="">semua</option>
      % for k, v in labels['visibility'].items():
      <option value="{{k}}" {{'selected' if params.get('visibilitas') == k else ''}}>{{v}}</option>
      % end
    </select>
    <label for="f-jangkar">Jangkar</label>
    <select id="f-jangkar" name="jangkar"><option value="">semua</option>
      % for k, v in labels['anchor'].items():
      <option value="{{k}}" {{'selected' if params.get('jangkar') == k else ''}}>{{v}}</option>
      % end
    </select>
    % if params.get('dokumen'):
    <input type="hidden" name="dokumen" value="{{params['dokumen']}}">
    % end
    <label><input type="checkbox" name="terhapus" value="1" {{'checked' if params.get('terhapus') else ''}}> yang dihapus</label>
    <button type="submit">Saring</button> <a href="/anotasi">Hapus saringan</a>
  </p>
</form>
<p class="ringkasan-jangkar">Jangkar setelah pengindeksan ulang:
  % for k, v in labels['anchor'].items():
  <a href="/anotasi?jangkar={{k}}">{{v}}: {{counts.get(k, 0)}}</a>
  % end
</p>
<p class="ringkasan">{{total}} utas anotasi{{' untuk ' + cite(store, params['dokumen']) if params.get('dokumen') else ''}}.
  Ekspor: <a href="/api/anotasi/ekspor?{{query}}&amp;format=jsonld">JSON-LD (W3C)</a> ·
  <a href="/api/anotasi/ekspor?{{query}}&amp;format=csv">CSV</a></p>
<ol class="hasil-anotasi">
% for t in threads:
  <li>
  % include('anotasi_utas.tpl', t=t, unit_href=doc_url(store, t.doc_id, t.unit_id), store=store, user=user, csrf=csrf, lanjut='/anotasi?' + query, anotasi_labels=labels)
  </li>
% end
</ol>
% if pages > 1:
<nav class="halaman" aria-label="Halaman anotasi">
  % if halaman > 1:
  <a href="/anotasi?{{query}}&amp;halaman={{halaman - 1}}">« Sebelumnya</a>
  % end
  <span>Halaman {{halaman}} dari {{pages}}</span>
  % if halaman < pages:
  <a href="/anotasi?{{query}}&amp;halaman={{halaman + 1}}">Berikutnya »</a>
  % end
</nav>
% end
% if user['role'] == 'admin':
<section class="impor-anotasi">
  <h2>Impor anotasi</h2>
  <form method="post" action="/anotasi/impor" enctype="multipart/form-data" class="formulir">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <label for="impor-berkas">Berkas JSON-LD (W3C Web Annotation) atau CSV hasil ekspor</label><br>
    <input id="impor-berkas" name="berkas" type="file" accept=".json,.jsonld,.csv" required>
    <button type="submit">Impor</button>
  </form>
  <p class="petunjuk">Anotasi dengan id yang sudah ada dilewati; anotasi yang diimpor dijangkarkan ulang ke teks saat ini.</p>
</section>
% end
</div>
