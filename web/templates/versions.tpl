% rebase('base.tpl', title=title, site_name=site_name, q='', user=user, csrf=csrf)
<h1>Riwayat versi {{doc['singkatan']}} {{doc['nomor']}}/{{doc['tahun']}}</h1>
<p><a href="/staf/dokumen/{{doc['id']}}">Metadata dan penerbitan</a> · <a href="/dokumen/{{doc['id']}}">buka naskah</a></p>
<table class="tabel">
  <caption class="tersembunyi">Versi dokumen</caption>
  <thead><tr><th scope="col">Versi</th><th scope="col">Berkas</th><th scope="col">Sejak</th><th scope="col">Keterangan</th></tr></thead>
  <tbody>
  % for v in history:
  <tr><td>{{v['version']}}</td><td>{{v['filename'] or '-'}}</td><td>{{v['created_at']}}</td>
      <td>{{('diganti ' + v['replaced_at'] + ' (' + v['reason'] + ')') if v['replaced_at'] else 'versi berlaku'}}</td></tr>
  % end
  </tbody>
</table>
<h2>Hapus dokumen</h2>
<form method="post" action="/staf/dokumen/{{doc['id']}}/hapus">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <p>Dokumen ditarik dari koleksi dan pencarian; riwayat versinya tetap disimpan.</p>
  <button type="submit" class="bahaya">Hapus dokumen ini</button>
</form>
