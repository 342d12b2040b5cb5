% rebase('base.tpl', title=title, site_name=site_name, q=get('q', ''))
<h1>Pencarian</h1>
<form action="/cari" method="get" role="search" class="cari-lengkap">
  <label for="q-cari">Kata kunci, kutipan pasal, atau pertanyaan</label>
  <input id="q-cari" name="q" type="search" value="{{p['q']}}" placeholder="mis. PAW anggota DPRD kabupaten">
  <label for="urut">Urutkan</label>
  <select id="urut" name="urut">
    % for value, label in sorts:
    <option value="{{value}}" {{'selected' if p['urut'] == value else ''}}>{{label}}</option>
    % end
  </select>
  % for name in ('jenis', 'tahun', 'status', 'tipe', 'dokumen'):
  % if p[name]:
  <input type="hidden" name="{{name}}" value="{{p[name]}}">
  % end
  % end
  <button type="submit">Cari</button>
</form>
<p class="petunjuk">Gunakan tanda petik untuk frasa persis (<code>"calon terpilih"</code>), <code>-kata</code> untuk mengecualikan,
<code>AND</code>/<code>OR</code>/<code>NOT</code>, atau saring dengan <code>jenis:UU tahun:2014</code>.</p>
% if result is None:
<p>Ketik kata kunci atau kutipan pasal di kotak pencarian.</p>
% else:
% if result.get('notice'):
<p class="pemberitahuan">{{result['notice']}}</p>
% end
% if result['suggestion']:
% if result.get('corrected'):
<p class="saran">Menampilkan hasil untuk <a href="{{link(p, q=result['suggestion'])}}"><strong>{{result['suggestion']}}</strong></a>
(kata yang tidak dikenal: {{', '.join(result['corrected'])}}).</p>
% else:
<p class="saran">Maksud Anda: <a href="{{link(p, q=result['suggestion'])}}"><strong>{{result['suggestion']}}</strong></a>?</p>
% end
% end
<p class="ringkasan" role="status">
% if result.get('groups') is not None:
{{result['documents']}} dokumen, {{result['total']}} klausul cocok untuk <strong>{{result['query']}}</strong>
% else:
{{result['total']}} hasil untuk <strong>{{result['query']}}</strong>
% end
% if p['dokumen']:
 di dokumen <strong>{{p['dokumen']}}</strong> (<a href="{{link(p, dokumen=None)}}">semua dokumen</a>)
% end
% if result['ambiguous']:
 — kutipan ini cocok dengan beberapa dokumen; pilih salah satu:
% end
% if result.get('definition'):
 — mencari definisi <strong>{{result['definition']}}</strong>
% end
</p>
% active = [(name, p[name]) for name in ('jenis', 'tahun', 'status', 'tipe') if p[name]]
% if active:
<ul class="saringan-aktif" aria-label="Saringan aktif">
  % for name, value in active:
  <li>{{name}}: {{value}} <a href="{{link(p, **{name: None})}}" aria-label="Hapus saringan {{name}}">hapus</a></li>
  % end
</ul>
% end
<div class="hasil-tata">
<aside class="faset" aria-label="Saring hasil">
  % for name, label, rows in facets:
  <section class="faset-{{name}}">
  <h2>{{label}}</h2>
  <ul>
    % for value, n, href, on in rows:
    <li{{!' class="aktif"' if on else ''}}><a href="{{href}}">{{value}}</a> <span class="jumlah">({{n}})</span></li>
    % end
  </ul>
  </section>
  % end
</aside>
<div class="hasil-isi">
% if not result['hits']:
<p>Tidak ada klausul yang cocok. Periksa ejaan, gunakan kata lain, atau hapus saringan.</p>
% end
% def hit_item(hit):
  <li class="hit{{'' if hit['in_force'] else ' tidak-berlaku'}}">
    % if hit['unit']:
    <h3><a href="{{hit['url']}}">{{hit['unit']['citation']}}</a>
      % if hit['unit'].get('definition'):
      <span class="label-definisi">definisi</span>
      % end
    </h3>
    <p class="jalur">{{hit['unit']['path']}}</p>
    % else:
    <h3><a href="{{hit['url']}}">{{hit['doc']['judul']}}</a></h3>
    % end
    % if hit.get('note'):
    <p class="catatan-berlaku">{{hit['note'][:1].upper() + hit['note'][1:]}}</p>
    % end
    <p class="cuplikan">{{!hit['snippet']}}</p>
  </li>
% end
% if result.get('groups') is not None:
<ol class="grup-hasil">
% for g in result['groups']:
  <li class="grup">
    <h2><a href="{{g['url']}}">{{g['doc']['judul'] or g['doc']['id']}}</a></h2>
    <p class="judul-dokumen">{{g['doc']['singkatan']}} {{g['doc']['nomor']}}/{{g['doc']['tahun']}}
      · <span class="status status-{{(g['doc']['status'] or '').lower().replace(' ', '-')}}">{{g['doc']['status']}}</span>
      % if g['title_match']:
      · judul cocok
      % end
    </p>
    <ol class="hasil">
    % for hit in g['hits']:
    % hit_item(hit)
    % end
    </ol>
    % if g['more'] > 0:
    <p class="lainnya"><a href="{{link(p, dokumen=g['doc']['id'])}}">Lihat {{g['more']}} klausul lain yang cocok di dokumen ini</a></p>
    % end
  </li>
% end
</ol>
% else:
<ol class="hasil">
% for hit in result['hits']:
% hit_item(hit)
% end
</ol>
% end
</div>
</div>
% pages = result.get('pages', 1)
% if pages > 1:
<nav class="halaman" aria-label="Halaman hasil">
  % if p['halaman'] > 1:
  <a href="{{link(p, halaman=p['halaman'] - 1)}}" rel="prev">« Sebelumnya</a>
  % end
  <span>Halaman {{p['halaman']}} dari {{pages}}</span>
  % if p['halaman'] < pages:
  <a href="{{link(p, halaman=p['halaman'] + 1)}}" rel="next">Berikutnya »</a>
  % end
</nav>
% end
% if how is not None:
<details class="penjelasan-kueri">
  <summary>Cara kueri dipahami (hanya untuk staf)</summary>
  <table class="tabel">
    <tr><th>Kueri</th><td>{{how['query']}}</td></tr>
    % if how['citation']:
    % c = how['citation']
    <tr><th>Kutipan</th><td>{{'/'.join(c['singkatan'])}} {{c['qualifier']}} {{c['nomor']}}{{'/' + str(c['tahun']) if c['tahun'] else ''}} {{' '.join(c['path'])}}</td></tr>
    <tr><th>Ditemukan</th><td>{{', '.join(how['resolved']) or '-'}}</td></tr>
    % end
    % if how['within']:
    <tr><th>Dicari di dalam</th><td>{{', '.join(how['within'])}}</td></tr>
    % end
    % if how['definition']:
    <tr><th>Definisi yang dicari</th><td>{{how['definition']}}</td></tr>
    % end
    <tr><th>Kata</th><td>{{how['words']}}</td></tr>
    <tr><th>Koreksi ejaan</th><td>{{'; '.join(how['corrections']) or '-'}}</td></tr>
    <tr><th>Singkatan</th><td>{{'; '.join(how['expansions']) or '-'}}</td></tr>
    <tr><th>Saringan dalam kueri</th><td>{{', '.join(f'{k}:{v}' for k, v in how['filters'].items()) or '-'}}</td></tr>
    <tr><th>Bentuk dasar</th><td>{{' '.join(how['terms'])}}</td></tr>
    <tr><th>Kueri akhir</th><td><code>{{how['whoosh']}}</code></td></tr>
  </table>
</details>
% end
% end
