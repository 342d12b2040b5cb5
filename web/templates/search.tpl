% rebase('base.tpl', title=title, site_name=site_name, q=q)
<h1>Pencarian</h1>
% if result is None:
<p>Ketik kata kunci atau kutipan pasal di kotak pencarian.</p>
% else:
<p class="ringkasan">{{result['total']}} hasil untuk <strong>{{result['query']}}</strong>
% if result['ambiguous']:
 — kutipan ini cocok dengan beberapa dokumen; pilih salah satu:
% end
</p>
<div class="hasil-tata">
% if result['facets']:
<aside class="faset" aria-label="Saring hasil">
  % for name, label in (('jenis', 'Jenis'), ('tahun', 'Tahun'), ('status', 'Status')):
  % counts = result['facets'].get(name) or {}
  % if counts:
  <h2>{{label}}</h2>
  <ul>
    % for value, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:12]:
    <li><a href="/cari?q={{params['text']}}&amp;{{name}}={{value}}">{{value}}</a> ({{n}})</li>
    % end
  </ul>
  % end
  % end
</aside>
% end
<ol class="hasil">
% for hit in result['hits']:
  <li class="hit">
    % if hit['unit']:
    <h2><a href="{{hit['url']}}">{{hit['unit']['citation']}}</a></h2>
    <p class="jalur">{{hit['unit']['path']}} · {{hit['doc']['judul']}}</p>
    % else:
    <h2><a href="{{hit['url']}}">{{hit['doc']['judul']}}</a></h2>
    % end
    <p class="cuplikan">{{!hit['snippet']}}</p>
  </li>
% end
</ol>
</div>
% pages = (result['total'] + 9) // 10
% if pages > 1:
<nav class="halaman" aria-label="Halaman hasil">
  % if params['page'] > 1:
  <a href="/cari?q={{params['text']}}&amp;halaman={{params['page'] - 1}}&amp;jenis={{params['jenis']}}&amp;tahun={{params['tahun']}}">« Sebelumnya</a>
  % end
  <span>Halaman {{params['page']}}</span>
  % if params['page'] < pages and len(result['hits']) == 10:
  <a href="/cari?q={{params['text']}}&amp;halaman={{params['page'] + 1}}&amp;jenis={{params['jenis']}}&amp;tahun={{params['tahun']}}">Berikutnya »</a>
  % end
</nav>
% end
% end
