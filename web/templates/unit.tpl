% rebase('base.tpl', title=title, site_name=site_name, q='')
<nav class="remah" aria-label="Jejak">
  <a href="/dokumen/{{doc['id']}}">{{doc['singkatan']}} {{doc['nomor']}}/{{doc['tahun']}}</a>
  % for a in path:
  › <a href="/dokumen/{{doc['id']}}/{{a.id}}">{{a.label or a.kind}}</a>
  % end
</nav>
<h1>{{citation}}</h1>
<p class="judul-dokumen"><a href="/dokumen/{{doc['id']}}#{{unit.id}}">{{doc['judul']}}</a> · Status: {{doc['status']}}</p>
<div class="naskah satu-unit">
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
