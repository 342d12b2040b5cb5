% rebase('base.tpl', title=title, site_name=site_name, q='')
% anotasi = get('anotasi')
% panel = anotasi is not None and (anotasi.staff or anotasi.threads)
<article class="dokumen">
<header class="kepala-dokumen">
  % if staff:
  <p class="staf-tautan">
    % if not doc['public']:
    <strong class="galat">Belum terbit — hanya staf yang melihat halaman ini.</strong>
    % end
    <a href="/staf/dokumen/{{doc['id']}}">Kelola metadata dokumen ini</a></p>
  % end
  <p class="meta-kecil">{{label}} · <span class="status status-{{doc['status'].lower().replace(' ', '-')}}">{{doc['status']}}</span></p>
  <h1>{{doc['judul'] or doc['id']}}</h1>
  <p class="pencacah">Dilihat {{doc['views']}} kali · Diunduh {{doc['downloads']}} kali</p>
</header>

<div class="rekaman">
<section class="metadata-bagian" aria-labelledby="judul-metadata">
  <h2 id="judul-metadata">Metadata</h2>
  <table class="metadata">
    <caption class="tersembunyi">Metadata {{label}}</caption>
    % for key, name, value in meta:
    <tr class="meta-{{key}}"><th scope="row">{{name}}</th><td>{{value}}</td></tr>
    % end
  </table>
</section>

<div class="samping">
% if files:
<section class="berkas" aria-labelledby="judul-berkas">
  <h2 id="judul-berkas">Unduh</h2>
  <ul>
  % for f in files:
    <li><a href="{{f['url']}}" download="{{f['filename']}}">{{f['label']}}</a> <span class="meta-kecil">{{f['format'].upper()}}</span></li>
  % end
    <li><a href="/dokumen/{{doc['id']}}.json">Data JSON</a></li>
  </ul>
</section>
% end

<section class="relasi" aria-labelledby="judul-relasi">
  <h2 id="judul-relasi">Status dan relasi</h2>
  % if relations:
  <dl>
  % for name, items in relations:
    <dt>{{name}}</dt>
    % for r in items:
    <dd>
      % if r['url']:
      <a href="{{r['url']}}">{{r['cite']}}</a>
      % if r['title']:
      <span class="meta-kecil">{{r['title']}}</span>
      % end
      % else:
      {{r['ref']}}
      % end
      % if r['ref'] and r['url']:
      <span class="meta-kecil">({{r['ref']}})</span>
      % end
      % if r['note']:
      <span class="meta-kecil">— {{r['note']}}</span>
      % end
    </dd>
    % end
  % end
  </dl>
  % else:
  <p class="redup">Tidak ada relasi yang tercatat.</p>
  % end
</section>
{{!get('perubahan', '')}}
</div>
</div>

% if abstrak:
<section class="abstrak" id="abstrak" aria-labelledby="judul-abstrak">
  <h2 id="judul-abstrak">Abstrak</h2>
  <dl>
    % if abstrak.alasan:
    <dt>Dasar pertimbangan</dt><dd>{{abstrak.alasan}}</dd>
    % end
    % if abstrak.dasar_hukum:
    <dt>Dasar hukum</dt>
    <dd><ul>
      % for item in abstrak.dasar_hukum_items():
      <li>{{item}}</li>
      % end
    </ul></dd>
    % end
    % if abstrak.isi:
    <dt>Isi ringkas</dt>
    <dd>
      % for para in abstrak.isi.split('\n'):
      % if para.strip():
      <p>{{para}}</p>
      % end
      % end
    </dd>
    % end
    % if abstrak.catatan:
    <dt>Catatan</dt>
    <dd><ul>
      % for item in abstrak.catatan:
      <li>{{item}}</li>
      % end
    </ul></dd>
    % end
  </dl>
  <p class="meta-kecil">{{'Abstrak ditulis oleh Divisi Hukum.' if abstrak.sumber == 'staf' else 'Dibaca dari lembar abstrak JDIH.'}}</p>
</section>
% end

<div class="pembaca{{' dengan-panel' if panel else ''}}">
<nav class="daftar-isi" aria-labelledby="judul-daftar-isi">
  <h2 id="judul-daftar-isi">Daftar Isi</h2>
  <ol>
  % for item in toc:
    <li class="kedalaman-{{item['depth']}}"><a href="#{{item['id']}}">{{item['label']}}</a></li>
  % end
  </ol>
</nav>
% if panel and anotasi.staff:
<section class="naskah" aria-labelledby="judul-naskah" data-anotasi-dokumen="{{doc['id']}}" data-csrf="{{csrf}}">
% else:
<section class="naskah" aria-labelledby="judul-naskah">
% end
  <h2 id="judul-naskah" class="tersembunyi">Naskah</h2>
  {{!body}}
</section>
% if panel:
% include('anotasi_panel.tpl', anotasi=anotasi, store=anotasi.store, user=anotasi.user, csrf=csrf, lanjut=anotasi.lanjut)
% end
</div>
</article>
% if panel and anotasi.staff:
<script src="/static/anotasi.js" defer></script>
% end
