<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} · {{site_name}}</title>
<link rel="stylesheet" href="/static/jdih.css">
<link rel="stylesheet" href="/static/anotasi.css">
% if get('refresh'):
<meta http-equiv="refresh" content="{{refresh}}">
% end
<link rel="search" type="application/opensearchdescription+xml" title="{{site_name}}" href="/opensearch.xml">
% for script in get('scripts', []):
<script src="/static/{{script}}" defer></script>
% end
</head>
<body>
<a class="lewati" href="#isi">Langsung ke isi</a>
<header class="situs">
  <a class="merek" href="/">{{site_name}}</a>
  <form class="cari-kecil" action="/cari" method="get" role="search">
    <label for="q-atas" class="tersembunyi">Cari peraturan atau pasal</label>
    <input id="q-atas" name="q" type="search" value="{{q}}" placeholder="Cari pasal, mis. uu 17/2014 pasal 242">
    <button type="submit">Cari</button>
  </form>
  <nav aria-label="Navigasi utama">
    <a href="/dokumen">Jelajah Dokumen</a>
    % if get('user'):
    <a href="/staf/unggah">Unggah</a>
    <a href="/staf/cari">Cari (staf)</a>
    <a href="/anotasi">Anotasi</a>
    <a href="/catatan">Catatan</a>
    % if user['role'] == 'admin':
    <a href="/admin/pengguna">Pengguna</a>
    % end
    <a href="/staf/dokumen">Kelola Dokumen</a>
    <span class="pengguna">{{user['name']}} ({{user['role']}})</span>
    <form method="post" action="/keluar" class="sebaris">
      <input type="hidden" name="csrf_token" value="{{get('csrf', '')}}">
      <button type="submit" class="tautan">Keluar</button>
    </form>
    % else:
    <a href="/masuk">Masuk</a>
    % end
  </nav>
</header>
<main id="isi">
{{!base}}
</main>
<footer class="situs">Jaringan Dokumentasi dan Informasi Hukum · {{site_name}} ·
  <a href="/api/jdihn">Umpan JDIHN</a> · <a href="/api">API</a> · <a href="/sitemap.xml">Peta situs</a></footer>
</body>
</html>
