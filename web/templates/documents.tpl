% rebase('base.tpl', title=title, site_name=site_name, q='')
<h1>Jelajah Dokumen</h1>
<p class="ringkasan" role="status">{{result['total']}} dokumen
% for name, value in active.items():
  · {{facet_labels[name]}}: <strong>{{value}}</strong> <a href="{{browse_url(query, **{name: ''})}}" aria-label="Hapus saringan {{facet_labels[name]}} {{value}}">(hapus)</a>
% end
</p>
<div class="hasil-tata jelajah-tata">
<aside class="faset" aria-label="Saring dokumen">
  % for name in ('jenis', 'tahun', 'status', 'subjek'):
  % counts = result['facets'][name]
  % if counts:
  <h2>{{facet_labels[name]}}</h2>
  <ul>
    % for value, n in counts:
    % if active.get(name) == value:
    <li><strong aria-current="true">{{value}}</strong> ({{n}})</li>
    % else:
    <li><a href="{{browse_url(query, **{name: value, 'halaman': ''})}}">{{value}}</a> ({{n}})</li>
    % end
    % end
  </ul>
  % end
  % end
</aside>
<div>
  <form class="urutan" action="/dokumen" method="get">
    % for name, value in active.items():
    <input type="hidden" name="{{name}}" value="{{value}}">
    % end
    <label for="urut">Urutkan</label>
    <select id="urut" name="urut">
      % for key, label in sorts.items():
      <option value="{{key}}" {{'selected' if key == sort else ''}}>{{label}}</option>
      % end
    </select>
    <button type="submit">Terapkan</button>
  </form>
  % if result['docs']:
  <table class="tabel daftar">
    <caption class="tersembunyi">Dokumen yang terbit, halaman {{result['page']}} dari {{result['pages']}}</caption>
    <thead><tr><th scope="col">Dokumen</th><th scope="col">Tahun</th><th scope="col">Status</th></tr></thead>
    <tbody>
    % for d in result['docs']:
      <tr><td><a href="/dokumen/{{d['id']}}">{{d['judul'] or d['id']}}</a><br><span class="meta-kecil">{{doc_label(d)}}{{' · ' + d['jenis'] if d['jenis'] else ''}}</span></td>
        <td>{{d['tahun'] or ''}}</td>
        <td><span class="status status-{{d['status'].lower().replace(' ', '-')}}">{{d['status']}}</span></td></tr>
    % end
    </tbody>
  </table>
  % else:
  <p>Tidak ada dokumen yang cocok dengan saringan ini. <a href="/dokumen">Lihat semua dokumen</a>.</p>
  % end
  % if result['pages'] > 1:
  <nav class="halaman" aria-label="Halaman daftar">
    % if result['page'] > 1:
    <a href="{{browse_url(query, halaman=str(result['page'] - 1))}}" rel="prev">« Sebelumnya</a>
    % end
    <span>Halaman {{result['page']}} dari {{result['pages']}}</span>
    % if result['page'] < result['pages']:
    <a href="{{browse_url(query, halaman=str(result['page'] + 1))}}" rel="next">Berikutnya »</a>
    % end
  </nav>
  % end
</div>
</div>
