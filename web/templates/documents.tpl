% rebase('base.tpl', title=title, site_name=site_name, q='')
<h1>Daftar Dokumen</h1>
<table class="tabel">
  <caption class="tersembunyi">Dokumen yang terbit</caption>
  <thead><tr><th scope="col">Dokumen</th><th scope="col">Tahun</th><th scope="col">Status</th></tr></thead>
  <tbody>
  % for d in docs:
    <tr><td><a href="/dokumen/{{d['id']}}">{{d['judul'] or d['id']}}</a></td><td>{{d['tahun'] or ''}}</td><td>{{d['status']}}</td></tr>
  % end
  </tbody>
</table>
