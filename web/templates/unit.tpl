% rebase('base.tpl', title=title, site_name=site_name, q='', user=get('user'), csrf=get('csrf', ''))
% anotasi = get('anotasi')
% panel = anotasi is not None and (anotasi.staff or anotasi.threads)
<div class="satu-pasal{{' dengan-panel' if panel else ''}}">
<div class="satu-pasal-isi">
<nav class="remah" aria-label="Jejak">
  <a href="/dokumen/{{doc['id']}}">{{doc['singkatan']}} {{doc['nomor']}}/{{doc['tahun']}}</a>
  % for a in path:
  › <a href="/dokumen/{{doc['id']}}/{{a.id}}">{{a.label or a.kind}}</a>
  % end
</nav>
<h1>{{citation}}</h1>
<p class="judul-dokumen"><a href="/dokumen/{{doc['id']}}#{{unit.id}}">{{doc['judul']}}</a> · Status: {{doc['status']}}</p>
% if panel and anotasi.staff:
<div class="naskah satu-unit" data-anotasi-dokumen="{{doc['id']}}" data-csrf="{{csrf}}">
% else:
<div class="naskah satu-unit">
% end
{{!body}}
</div>
% if penjelasan:
<section class="penjelasan-unit-halaman">
  <h2>Penjelasan</h2>
  {{!penjelasan}}
</section>
% end
<section class="kutipan">
  <h2>Kutipan</h2>
  <p><output id="kutipan-teks">{{long_citation}}</output></p>
  <p><a href="/dokumen/{{doc['id']}}/{{unit.id}}.json">JSON</a></p>
</section>
</div>
% if panel:
% include('anotasi_panel.tpl', anotasi=anotasi, store=anotasi.store, user=anotasi.user, csrf=csrf, lanjut=anotasi.lanjut)
% end
</div>
% if panel and anotasi.staff:
<script src="/static/anotasi.js" defer></script>
% end
