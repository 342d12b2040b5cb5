% rebase('base.tpl', title=title, site_name=site_name, q='', user=get('user'), csrf=get('csrf', ''))
% anotasi = get('anotasi')
% panel = anotasi is not None and (anotasi.staff or anotasi.threads)
<div class="pembaca{{' dengan-panel' if panel else ''}}">
<nav class="daftar-isi" aria-label="Daftar isi">
  <h2>Daftar Isi</h2>
  <ol>
  % for item in toc:
    <li class="kedalaman-{{item['depth']}}"><a href="#{{item['id']}}">{{item['label']}}</a></li>
  % end
  </ol>
</nav>
<article class="dokumen">
  <h1>{{doc['judul'] or doc['id']}}</h1>
  <table class="metadata">
    <caption>Metadata</caption>
    % for label, value in meta:
    <tr><th scope="row">{{label}}</th><td>{{value}}</td></tr>
    % end
  </table>
  <p class="unduh">
    % if doc['source_sha256']:
    <a href="/berkas/{{doc['id']}}">Unduh berkas asli ({{doc['format'].upper()}})</a> ·
    % end
    <a href="/dokumen/{{doc['id']}}.json">JSON</a>
  </p>
  % if attachments:
  <section class="lampiran-berkas">
    <h2>Berkas terkait</h2>
    <ul>
    % for a in attachments:
      <li>{{ {'abstrak': 'Abstrak', 'metadata': 'Rekaman metadata JDIH', 'lampiran': 'Lampiran'}.get(a['role'], a['role']) }}:
        <a href="/berkas/{{doc['id']}}/{{a['sha256']}}">{{a['filename']}}</a></li>
    % end
    </ul>
    % for a in attachments:
    % if a['role'] == 'abstrak':
    <details class="abstrak" open><summary>Abstrak</summary><div class="teks-praformat">{{a['text']}}</div></details>
    % end
    % end
  </section>
  % end
  % if panel and anotasi.staff:
  <div class="naskah" data-anotasi-dokumen="{{doc['id']}}" data-csrf="{{csrf}}">
  % else:
  <div class="naskah">
  % end
  {{!body}}
  </div>
</article>
% if panel:
% include('anotasi_panel.tpl', anotasi=anotasi, store=anotasi.store, user=anotasi.user, csrf=csrf, lanjut=anotasi.lanjut)
% end
</div>
% if panel and anotasi.staff:
<script src="/static/anotasi.js" defer></script>
% end
