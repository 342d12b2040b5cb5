% rebase('base.tpl', title=title, site_name=site_name, q='')
<section class="beranda">
  <h1>Cari peraturan sampai ke pasalnya</h1>
  <form action="/cari" method="get" role="search" class="cari-besar">
    <label for="q">Kata kunci atau kutipan pasal</label>
    <input id="q" name="q" type="search" placeholder="mis. calon terpilih mengundurkan diri, atau uu 17/2014 pasal 242" autofocus>
    <button type="submit">Cari</button>
  </form>
  <p class="petunjuk">Ketik kutipan seperti <code>uu 8/2012 pasal 220</code> untuk langsung menuju pasalnya.</p>
</section>
<section>
  <h2>Koleksi</h2>
  <p>{{total}} dokumen terbit.</p>
  <ul class="jenis">
  % for jenis, n in by_jenis:
    <li>{{jenis}}: {{n}}</li>
  % end
  </ul>
</section>
<section>
  <h2>Dokumen terbaru</h2>
  <ul class="daftar-dokumen">
  % for d in docs:
    <li><a href="/dokumen/{{d['id']}}">{{d['judul'] or d['id']}}</a> <span class="status status-{{d['status'].lower().replace(' ', '-')}}">{{d['status']}}</span></li>
  % end
  </ul>
</section>
