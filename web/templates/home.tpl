% rebase('base.tpl', title=title, site_name=site_name, q='')
<section class="beranda">
  <h1>Cari peraturan sampai ke pasalnya</h1>
  <form action="/cari" method="get" role="search" class="cari-besar">
    <label for="q">Kata kunci atau kutipan pasal</label>
    <input id="q" name="q" type="search" placeholder="mis. calon terpilih mengundurkan diri, atau uu 17/2014 pasal 242">
    <button type="submit">Cari</button>
  </form>
  <p class="petunjuk">Ketik kutipan seperti <code>uu 8/2012 pasal 220</code> untuk langsung menuju pasalnya.</p>
</section>

<section class="jelajah" aria-labelledby="judul-jelajah">
  <h2 id="judul-jelajah">Jelajahi {{stats['total']}} dokumen</h2>
  <div class="jelajah-kolom">
    <nav aria-labelledby="jelajah-jenis">
      <h3 id="jelajah-jenis">Jenis</h3>
      <ul class="hitung">
      % for value, n in stats['jenis']:
        <li><a href="{{browse_url({}, jenis=value)}}">{{value}}</a> <span class="jumlah">{{n}}</span></li>
      % end
      </ul>
    </nav>
    <nav aria-labelledby="jelajah-tahun">
      <h3 id="jelajah-tahun">Tahun</h3>
      <ul class="hitung tahun">
      % for value, n in reversed(stats['tahun']):
        <li><a href="{{browse_url({}, tahun=value)}}">{{value}}</a> <span class="jumlah">{{n}}</span></li>
      % end
      </ul>
    </nav>
    <nav aria-labelledby="jelajah-status">
      <h3 id="jelajah-status">Status</h3>
      <ul class="hitung">
      % for value, n in stats['status']:
        <li><a href="{{browse_url({}, status=value)}}">{{value}}</a> <span class="jumlah">{{n}}</span></li>
      % end
      </ul>
      <h3 id="jelajah-subjek">Subjek</h3>
      % if stats['subjek']:
      <ul class="hitung">
      % for value, n in stats['subjek'][:15]:
        <li><a href="{{browse_url({}, subjek=value)}}">{{value}}</a> <span class="jumlah">{{n}}</span></li>
      % end
      </ul>
      % else:
      <p class="redup">Belum ada subjek yang diisi.</p>
      % end
    </nav>
  </div>
  <p><a href="/dokumen">Semua dokumen »</a></p>
</section>

<section aria-labelledby="judul-terbaru">
  <h2 id="judul-terbaru">Peraturan terbaru</h2>
  <ul class="daftar-dokumen">
  % for d in newest:
    <li><a href="/dokumen/{{d['id']}}">{{d['judul'] or d['id']}}</a>
      <span class="meta-kecil">{{doc_label(d)}}</span>
      <span class="status status-{{d['status'].lower().replace(' ', '-')}}">{{d['status']}}</span></li>
  % end
  </ul>
</section>

<section class="statistik" aria-labelledby="judul-statistik">
  <h2 id="judul-statistik">Statistik</h2>
  <div class="grafik-kolom">
    <figure>
      <figcaption>Dokumen per jenis</figcaption>
      {{!chart_jenis}}
    </figure>
    <figure>
      <figcaption>Dokumen per tahun</figcaption>
      {{!chart_tahun}}
    </figure>
  </div>
  <details>
    <summary>Tabel angka statistik</summary>
    <table class="tabel">
      <caption>Dokumen per jenis</caption>
      <thead><tr><th scope="col">Jenis</th><th scope="col">Dokumen</th></tr></thead>
      <tbody>
      % for value, n in stats['jenis']:
        <tr><td>{{value}}</td><td>{{n}}</td></tr>
      % end
      </tbody>
    </table>
    <table class="tabel">
      <caption>Dokumen per tahun</caption>
      <thead><tr><th scope="col">Tahun</th><th scope="col">Dokumen</th></tr></thead>
      <tbody>
      % for value, n in stats['tahun']:
        <tr><td>{{value}}</td><td>{{n}}</td></tr>
      % end
      </tbody>
    </table>
  </details>
</section>
