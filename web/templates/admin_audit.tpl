% rebase('base.tpl', title=title, site_name=site_name, q='', user=user, csrf=csrf)
<h1>Log Audit</h1>
<p>Catatan siapa mengubah apa, terbaru di atas. Log ini tidak dapat diubah atau dihapus.</p>
<table class="tabel">
  <caption class="tersembunyi">Log audit</caption>
  <thead><tr><th scope="col">Waktu (UTC)</th><th scope="col">Pelaku</th><th scope="col">Tindakan</th><th scope="col">Sasaran</th><th scope="col">Rincian</th></tr></thead>
  <tbody>
  % for e in entries:
  <tr><td>{{e['at']}}</td><td>{{e['actor']}}</td><td>{{e['action']}}</td><td>{{e['target']}}</td>
      <td>{{', '.join(f'{k}: {v}' for k, v in e['detail'].items())}}</td></tr>
  % end
  </tbody>
</table>
