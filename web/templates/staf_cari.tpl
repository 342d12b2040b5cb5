% rebase('base.tpl', title=title, site_name=site_name, q='', user=user, csrf=csrf)
<h1>Pencarian staf</h1>
<p class="petunjuk">Mencari di semua dokumen (termasuk catatan evaluasi internal) dan di isi anotasi. Pencarian publik
  ada di <a href="/cari">halaman Cari</a>.</p>
<form class="formulir cari-staf" method="get" action="/staf/cari" role="search">
  <p><label for="staf-q">Kata kunci atau kutipan pasal</label><br>
    <input id="staf-q" name="q" type="search" value="{{text}}" size="50" placeholder="mis. mengundurkan diri klarifikasi">
    <button type="submit">Cari</button></p>
  <p><label><input type="checkbox" name="hanya" value="anotasi" {{'checked' if only else ''}}> hanya pasal yang beranotasi</label>
    <label for="staf-tag">dengan tag</label>
    <select id="staf-tag" name="tag"><option value="">(tag apa saja)</option>
      % for t, n in tags:
      <option value="{{t}}" {{'selected' if tag.lower() == t.lower() else ''}}>{{t}} ({{n}})</option>
      % end
    </select></p>
</form>
% if matches:
<section class="anotasi-cocok">
  <h2>Anotasi yang cocok</h2>
  <ul>
  % for t in matches:
    <li><a href="/anotasi/{{t.id}}">{{cite(store, t.doc_id, t.unit_id)}}</a> — {{t.body[:200]}}
      % if t.tags:
      <span class="tag-anotasi">{{' '.join('#' + x for x in t.tags)}}</span>
      % end
    </li>
  % end
  </ul>
</section>
% end
% if result is not None:
<section>
<h2>Pasal dan catatan</h2>
<p class="ringkasan">{{result['total']}} hasil untuk <strong>{{text}}</strong>{{' (hanya pasal beranotasi' + (' dengan tag ' + tag if tag else '') + ')' if only or tag else ''}}</p>
<ol class="hasil">
% for hit in result['hits']:
  <li class="hit{{' hit-catatan' if hit['note'] else ''}}">
    <h3><a href="{{hit['url']}}">{{hit['unit']['citation'] if hit['unit'] and not hit['note'] else cite(store, hit['doc']['id'], hit['unit']['id'] if hit['unit'] else '')}}</a>
      % if hit['note']:
      <span class="label-internal">catatan evaluasi (internal)</span>
      % end
      % if hit['annotations']:
      <a class="lencana-anotasi" href="/anotasi?dokumen={{hit['doc']['id']}}&amp;unit={{hit['unit']['id']}}">{{hit['annotations']}} anotasi</a>
      % end
    </h3>
    <p class="jalur">{{hit['doc']['judul']}}</p>
    <p class="cuplikan">{{!hit['snippet']}}</p>
  </li>
% end
</ol>
% if len(result['hits']) == 10:
<p><a href="/staf/cari?q={{text}}&amp;tag={{tag}}&amp;hanya={{'anotasi' if only else ''}}&amp;halaman={{halaman + 1}}">Berikutnya »</a></p>
% end
</section>
% elif listed:
<section>
  <h2>Pasal beranotasi{{' dengan tag ' + tag if tag else ''}}</h2>
  <ul>
  % for d, u in listed:
    <li><a href="{{doc_url(store, d, u)}}">{{cite(store, d, u)}}</a> · <a href="/anotasi?dokumen={{d}}&amp;unit={{u}}{{'&tag=' + tag if tag else ''}}">anotasinya</a></li>
  % end
  </ul>
</section>
% end
