% rebase('base.tpl', title=title, site_name=site_name, q='', user=user, csrf=csrf)
<h1>Catatan Evaluasi</h1>
<p class="petunjuk">Catatan evaluasi adalah dokumen internal Divisi Hukum: hanya staf yang dapat membuka dan mencarinya.
  Rujukan pasal di dalamnya ("Pasal 242 UU 17/2014") menjadi tautan, dan pasal yang dirujuk menampilkan
  "Dibahas dalam catatan".</p>
% if error:
<p class="galat" role="alert">{{error}}</p>
% end
% if message:
<p class="pesan" role="status">{{message}}</p>
% end
<table class="tabel">
  <caption class="tersembunyi">Daftar catatan evaluasi</caption>
  <thead><tr><th scope="col">Catatan</th><th scope="col">Nomor</th><th scope="col">Tanggal</th><th scope="col">Bagian</th><th scope="col">Rujukan</th><th scope="col">Berkas</th></tr></thead>
  <tbody>
  % for n in notes:
  <tr><td><a href="/catatan/{{n['id']}}">{{n['judul']}}</a></td><td>{{n['nomor']}}</td><td>{{n['tanggal_penetapan']}}</td>
      <td>{{n['sections']}}</td><td>{{n['citations']}}</td><td>{{n['format'].upper()}}</td></tr>
  % end
  % if not notes:
  <tr><td colspan="6">Belum ada catatan evaluasi.</td></tr>
  % end
  </tbody>
</table>
<p><a href="/catatan/baru">Tulis catatan baru di browser</a></p>
% if can_upload:
<section class="formulir">
  <h2>Unggah catatan</h2>
  <form method="post" action="/catatan" enctype="multipart/form-data">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <p><label for="berkas">Berkas (Markdown, DOCX, HTML, atau PDF)</label><br>
      <input id="berkas" name="berkas" type="file" accept=".md,.txt,.docx,.html,.htm,.pdf" required></p>
    <p><label for="judul-unggah">Judul (jika kosong, diambil dari berkas)</label><br><input id="judul-unggah" name="judul"></p>
    <p><label for="nomor-unggah">Nomor</label> <input id="nomor-unggah" name="nomor">
       <label for="tanggal-unggah">Tanggal</label> <input id="tanggal-unggah" name="tanggal" type="date"></p>
    <p><label for="tag-unggah">Tag</label> <input id="tag-unggah" name="tag" placeholder="PAW, klarifikasi"></p>
    <p><button type="submit">Unggah</button></p>
  </form>
  <p class="petunjuk">Bagian catatan diambil dari judul bagian (Heading di Word, &lt;h2&gt; di HTML, ## di Markdown,
    baris tebal di PDF). Mengunggah berkas dengan id yang sama mengganti catatan itu; anotasinya dijangkarkan ulang.</p>
</section>
% end
