% from html import escape
% from web.annotations_view import cite, visible_links
% staff = bool(user)
% labels = anotasi_labels
<article class="utas status-{{t.status}} jangkar-{{t.anchor_status}}{{' terhapus' if t.deleted_at else ''}}" id="anotasi-{{t.id}}" data-unit="{{t.unit_id}}">
  <header class="utas-kepala">
    <a class="utas-unit" href="{{unit_href}}">{{cite(store, t.doc_id, t.unit_id)}}</a>
    <span class="label jenis-{{t.kind}}">{{labels['kind'].get(t.kind, t.kind)}}</span>
    % if staff:
    <span class="label vis-{{t.visibility}}">{{labels['visibility'][t.visibility]}}</span>
    <span class="label status-{{t.status}}">{{labels['status'][t.status]}}</span>
    % end
  </header>
  % if staff and t.anchor_status != 'utuh':
  <p class="jangkar-info"><strong>Jangkar {{labels['anchor'][t.anchor_status].lower()}}:</strong> {{t.anchor_note}}
    <a href="/anotasi/{{t.id}}">Periksa</a></p>
  % end
  % if t.deleted_at:
  <p class="jangkar-info">Dihapus oleh {{t.deleted_by}} pada {{t.deleted_at[:10]}}.</p>
  % end
  % if t.quote:
  <blockquote class="kutipan-anotasi">{{t.quote}}</blockquote>
  % end
  <div class="isi-anotasi">{{!'<br>'.join(escape(x) for x in t.body.split('\n'))}}</div>
  % if t.tags:
  <p class="tag-anotasi">
    % for tag in t.tags:
    % if staff:
    <a href="/anotasi?tag={{tag}}">#{{tag}}</a>
    % else:
    <span>#{{tag}}</span>
    % end
    % end
  </p>
  % end
  % links = visible_links(store, t, user)
  % if links:
  <p class="tautan-anotasi">Tautan:
    % for l in links:
    <a href="{{l['url']}}">{{l['citation']}}</a>
    % end
  </p>
  % end
  <p class="oleh">{{t.author}} · {{t.created_at[:10]}}</p>
  % if t.replies:
  <ol class="balasan">
    % for r in t.replies:
    <li id="anotasi-{{r.id}}"><div class="isi-anotasi">{{!'<br>'.join(escape(x) for x in r.body.split('\n'))}}</div>
      <p class="oleh">{{r.author}} · {{r.created_at[:10]}}{{' · ' + labels['visibility'][r.visibility] if staff and r.visibility != t.visibility else ''}}</p></li>
    % end
  </ol>
  % end
  % if staff and not t.deleted_at:
  <div class="aksi-utas">
    <form method="post" action="/anotasi/{{t.id}}/balas" data-api="POST /api/anotasi/{{t.id}}/balasan" class="form-balas">
      <input type="hidden" name="csrf_token" value="{{csrf}}">
      <input type="hidden" name="lanjut" value="{{lanjut}}#anotasi-{{t.id}}">
      <label for="balas-{{t.id}}">Balas</label>
      <textarea id="balas-{{t.id}}" name="isi" rows="2" required></textarea>
      <button type="submit">Kirim balasan</button>
      <p class="galat" role="alert" hidden></p>
    </form>
    <form method="post" action="/anotasi/{{t.id}}/status" data-api="PATCH /api/anotasi/{{t.id}}" class="sebaris">
      <input type="hidden" name="csrf_token" value="{{csrf}}">
      <input type="hidden" name="lanjut" value="{{lanjut}}#anotasi-{{t.id}}">
      <input type="hidden" name="status" value="{{'terbuka' if t.status == 'selesai' else 'selesai'}}">
      <button type="submit" class="kedua">{{'Buka lagi' if t.status == 'selesai' else 'Tandai selesai'}}</button>
    </form>
    <a href="/anotasi/{{t.id}}">Ubah · riwayat</a>
  </div>
  % end
</article>
