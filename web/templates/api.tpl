% rebase('base.tpl', title=title, site_name=site_name, q='')
<h1>API publik</h1>
<p>Data publik situs ini tersedia sebagai JSON untuk siapa saja: hanya dokumen yang terbit.
  Deskripsi lengkap (OpenAPI 3): <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<table class="tabel">
  <caption>Alamat API</caption>
  <thead><tr><th scope="col">Alamat</th><th scope="col">Isi</th><th scope="col">Parameter</th></tr></thead>
  <tbody>
  % for path, item in paths.items():
    <tr><td><code>{{path}}</code></td><td>{{item['get']['summary']}}</td>
      <td>{{', '.join(p['name'] for p in item['get']['parameters'] if p['in'] == 'query') or '-'}}</td></tr>
  % end
  </tbody>
</table>
<h2>Umpan JDIHN</h2>
<p><code>{{base}}/api/jdihn</code> memuat satu objek per dokumen terbit dengan kunci templat JDIHN
  (semua nilai teks, tanggal ISO). Halaman: <code>?page=1&amp;limit=100</code>.</p>
<h2>Lainnya</h2>
<ul>
  <li>Setiap halaman dokumen dan pasal punya kembaran <code>.json</code>, mis. <code>/dokumen/uu-7-2017.json</code>.</li>
  <li><a href="/sitemap.xml">Peta situs</a> memuat semua dokumen dan halaman pasal.</li>
  <li>Peramban dapat menambahkan pencarian situs ini melalui <a href="/opensearch.xml">deskripsi OpenSearch</a>.</li>
</ul>
