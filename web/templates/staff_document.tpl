% rebase('base.tpl', title=title, site_name=site_name, q='')
<nav class="remah" aria-label="Jejak"><a href="/staf/dokumen">Kelola Dokumen</a> › {{label}}</nav>
<h1>{{doc['judul'] or doc['id']}}</h1>
% if message:
<p class="pesan" role="status">{{message}}</p>
% end
% if error:
<p class="galat" role="alert">{{error}}</p>
% end

<section class="staf-bagian" aria-labelledby="judul-publikasi">
  <h2 id="judul-publikasi">Publikasi</h2>
  <form method="post" action="/staf/dokumen/{{doc['id']}}/terbit" class="sebaris">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    % if doc['public']:
    <p>Dokumen ini <strong>terbit</strong>: tampil di halaman publik, API, umpan JDIHN dan peta situs.
      <a href="/dokumen/{{doc['id']}}">Lihat halaman publik</a></p>
    <input type="hidden" name="terbit" value="0">
    <button type="submit">Tarik dari publikasi</button>
    % else:
    <p>Dokumen ini <strong>belum terbit</strong>: hanya staf yang dapat melihatnya.</p>
    <input type="hidden" name="terbit" value="1">
    <button type="submit">Terbitkan</button>
    % end
  </form>
</section>

<section class="staf-bagian" aria-labelledby="judul-ubah-metadata">
  <h2 id="judul-ubah-metadata">Metadata</h2>
  <form method="post" action="/staf/dokumen/{{doc['id']}}/metadata" class="formulir-metadata" novalidate>
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    % for name, field_label in fields:
    <div class="isian{{' salah' if name in errors else ''}}">
      <label for="f-{{name}}">{{field_label}}</label>
      % if name == 'status':
      <select id="f-{{name}}" name="{{name}}"{{!' aria-describedby="g-%s"' % name if name in errors else ''}}>
        % for s in statuses:
        <option value="{{s}}" {{'selected' if values[name] == s else ''}}>{{s}}</option>
        % end
      </select>
      % elif name == 'tipe':
      <input id="f-{{name}}" name="{{name}}" value="{{values[name]}}" list="pilihan-tipe">
      % elif name in ('judul', 'tentang', 'subjek'):
      <textarea id="f-{{name}}" name="{{name}}" rows="2"{{!' aria-describedby="g-%s"' % name if name in errors else ''}}>{{values[name]}}</textarea>
      % else:
      <input id="f-{{name}}" name="{{name}}" value="{{values[name]}}"{{!' inputmode="numeric"' if name == 'tahun' else ''}}{{!' placeholder="TTTT-BB-HH"' if name.startswith('tanggal') else ''}}{{!' aria-describedby="g-%s"' % name if name in errors else ''}}>
      % end
      % if name in errors:
      <p class="galat" id="g-{{name}}">{{errors[name]}}</p>
      % end
      % if name == 'subjek':
      <p class="meta-kecil">Pisahkan beberapa subjek dengan koma.</p>
      % end
      % if name in overrides:
      <p class="meta-kecil">Diubah oleh {{overrides[name]['actor']}}; hasil ekstraksi: “{{overrides[name]['extracted'] or '(kosong)'}}”</p>
      % end
    </div>
    % end
    <datalist id="pilihan-tipe">
      % for t in tipe_choices:
      <option value="{{t}}"></option>
      % end
    </datalist>
    <p><button type="submit">Simpan metadata</button></p>
  </form>
  % if overrides:
  <h3>Kembalikan ke hasil ekstraksi</h3>
  <ul class="kembalikan">
  % for name, o in overrides.items():
    <li><form method="post" action="/staf/dokumen/{{doc['id']}}/kembalikan" class="sebaris">
      <input type="hidden" name="csrf_token" value="{{csrf}}">
      <input type="hidden" name="bidang" value="{{name}}">
      <button type="submit" class="tautan">Kembalikan {{dict(fields).get(name, name)}}</button>
      <span class="meta-kecil">ke “{{o['extracted'] or '(kosong)'}}”</span>
    </form></li>
  % end
  </ul>
  % end
</section>

<section class="staf-bagian" aria-labelledby="judul-ubah-abstrak">
  <h2 id="judul-ubah-abstrak">Abstrak</h2>
  % if sheet:
  <p class="meta-kecil">Lembar abstrak terlampir sudah terbaca; abstrak yang ditulis di sini menggantikannya di halaman publik. Kosongkan semua isian untuk kembali memakai lembar abstrak.</p>
  % end
  <form method="post" action="/staf/dokumen/{{doc['id']}}/abstrak" class="formulir-metadata">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    % for name, field_label, hint in (('alasan', 'Dasar pertimbangan', 'Mengapa peraturan ini dibuat.'), ('dasar_hukum', 'Dasar hukum', 'Pisahkan dengan titik koma (;).'), ('isi', 'Isi ringkas', 'Ringkasan materi pokok.'), ('catatan', 'Catatan', 'Satu catatan per baris, mis. mulai berlaku, jumlah halaman.')):
    <div class="isian{{' salah' if name in abstrak_errors else ''}}">
      <label for="a-{{name}}">{{field_label}}</label>
      <textarea id="a-{{name}}" name="{{name}}" rows="4" aria-describedby="p-{{name}}">{{abstrak[name]}}</textarea>
      <p class="meta-kecil" id="p-{{name}}">{{hint}}</p>
      % if name in abstrak_errors:
      <p class="galat">{{abstrak_errors[name]}}</p>
      % end
    </div>
    % end
    <p><button type="submit">Simpan abstrak</button></p>
  </form>
</section>

<section class="staf-bagian" aria-labelledby="judul-ubah-relasi">
  <h2 id="judul-ubah-relasi">Relasi</h2>
  % if relations:
  <ul>
  % for r in relations:
    <li>{{r['label']}} {{r['cite'] or r['ref']}}
      <span class="meta-kecil">({{'dari teks' if r['origin'] == 'teks' else 'dicatat staf'}})</span>
      <form method="post" action="/staf/dokumen/{{doc['id']}}/relasi/{{r['id']}}/hapus" class="sebaris">
        <input type="hidden" name="csrf_token" value="{{csrf}}">
        <button type="submit" class="tautan" aria-label="Hapus relasi {{r['label']}} {{r['cite'] or r['ref']}}">Hapus</button>
      </form></li>
  % end
  </ul>
  % else:
  <p class="redup">Belum ada relasi.</p>
  % end
  <h3>Tambah relasi</h3>
  <form method="post" action="/staf/dokumen/{{doc['id']}}/relasi" class="formulir-metadata">
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <div class="isian"><label for="r-jenis">Dokumen ini …</label>
      <select id="r-jenis" name="jenis">
        % for value, text in choices:
        <option value="{{value}}">{{text}}</option>
        % end
      </select></div>
    <div class="isian"><label for="r-dokumen">Dokumen dalam koleksi</label>
      <select id="r-dokumen" name="dokumen">
        <option value="">(tidak ada dalam koleksi)</option>
        % for d in others:
        <option value="{{d['id']}}">{{d['judul'] or d['id']}}</option>
        % end
      </select></div>
    <div class="isian"><label for="r-rujukan">atau rujukan (peraturan di luar koleksi)</label>
      <input id="r-rujukan" name="rujukan" placeholder="mis. PKPU 6/2017"></div>
    <div class="isian"><label for="r-catatan">Catatan (opsional)</label>
      <input id="r-catatan" name="catatan" placeholder="mis. Pasal 5 ayat (2)"></div>
    <p><button type="submit">Tambah relasi</button></p>
  </form>
</section>

<section class="staf-bagian" aria-labelledby="judul-riwayat">
  <h2 id="judul-riwayat">Riwayat perubahan</h2>
  % if history:
  <table class="tabel">
    <caption class="tersembunyi">Riwayat perubahan dokumen ini</caption>
    <thead><tr><th scope="col">Waktu</th><th scope="col">Oleh</th><th scope="col">Tindakan</th></tr></thead>
    <tbody>
    % for h in history:
      <tr><td>{{h['at']}}</td><td>{{h['actor']}}</td><td>{{h['action']}}</td></tr>
    % end
    </tbody>
  </table>
  % else:
  <p class="redup">Belum ada perubahan oleh staf.</p>
  % end
</section>
