% rebase('base.tpl', title=title, site_name=site_name, q='')
% anotasi = get('anotasi')
% panel = anotasi is not None and (anotasi.staff or anotasi.threads)
<div class="satu-pasal{{' dengan-panel' if panel else ''}}">
<div class="satu-pasal-isi">
<nav class="remah" aria-label="Jejak">
  <a href="/dokumen/{{doc['id']}}">{{label}}</a>
  % for a in path:
  › <a href="/dokumen/{{doc['id']}}/{{a.id}}">{{a.label or a.kind}}</a>
  % end
</nav>
<h1>{{citation}}</h1>
<p class="judul-dokumen"><a href="/dokumen/{{doc['id']}}#{{unit.id}}">{{doc['judul']}}</a> · Status:
  <span class="status status-{{doc['status'].lower().replace(' ', '-')}}">{{doc['status']}}</span></p>
% if panel and anotasi.staff:
<div class="naskah satu-unit" data-anotasi-dokumen="{{doc['id']}}" data-csrf="{{csrf}}">
% else:
<div class="naskah satu-unit">
% end
<h2 class="tersembunyi">Bunyi</h2>
{{!body}}
</div>
% if penjelasan:
<section class="penjelasan-unit-halaman" aria-labelledby="judul-penjelasan">
  <h2 id="judul-penjelasan">Penjelasan</h2>
  {{!penjelasan}}
</section>
% end
% if relations:
<section class="relasi" aria-labelledby="judul-relasi">
  <h2 id="judul-relasi">Relasi</h2>
  <ul>
  % for r in relations:
    <li>{{r['label']}} <a href="{{r['url']}}">{{r['cite']}}</a>
      % if r['title']:
      <span class="meta-kecil">{{r['title']}}</span>
      % end
      % if r['note']:
      <span class="meta-kecil">— {{r['note']}}</span>
      % end
    </li>
  % end
  </ul>
</section>
% end
<section class="kutipan" aria-labelledby="judul-kutipan">
  <h2 id="judul-kutipan">Kutipan</h2>
  <p class="kutipan-baris"><output id="kutipan-teks" aria-label="Kutipan lengkap">{{long_citation}}</output>
    <button type="button" class="salin" data-salin="kutipan-teks" hidden>Salin kutipan</button></p>
  <p class="kutipan-baris"><output id="kutipan-singkat" aria-label="Kutipan singkat">{{citation}}</output>
    <button type="button" class="salin" data-salin="kutipan-singkat" hidden>Salin kutipan singkat</button></p>
  <p class="salin-kabar" role="status" aria-live="polite"></p>
  <p><a href="/dokumen/{{doc['id']}}/{{unit.id}}.json">Data JSON</a></p>
</section>
</div>
% if panel:
% include('anotasi_panel.tpl', anotasi=anotasi, store=anotasi.store, user=anotasi.user, csrf=csrf, lanjut=anotasi.lanjut)
% end
</div>
% if panel and anotasi.staff:
<script src="/static/anotasi.js" defer></script>
% end
