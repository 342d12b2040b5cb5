% rebase('base.tpl', title=title, site_name=site_name, q='')
<h1>Kelola Dokumen</h1>
<p>Metadata hasil ekstraksi adalah usulan: periksa, perbaiki, lalu terbitkan. Dokumen yang belum terbit tidak tampil di halaman publik, API, umpan JDIHN maupun peta situs.</p>
<table class="tabel">
  <caption class="tersembunyi">Semua dokumen</caption>
  <thead><tr><th scope="col">Dokumen</th><th scope="col">Tipe</th><th scope="col">Publikasi</th><th scope="col">Status</th></tr></thead>
  <tbody>
  % for d in docs:
    <tr><td><a href="/staf/dokumen/{{d['id']}}">{{d['judul'] or d['id']}}</a><br><span class="meta-kecil">{{label(d)}} · {{d['id']}}</span></td>
      <td>{{d['tipe']}}</td>
      <td>{{'Terbit' if d['public'] and d['tipe'] != evaluasi else 'Belum terbit (internal)'}}</td>
      <td>{{d['status']}}</td></tr>
  % end
  </tbody>
</table>
