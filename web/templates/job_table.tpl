<table class="tabel tugas">
  <caption class="tersembunyi">Status pemrosesan berkas</caption>
  <thead><tr><th scope="col">Berkas</th><th scope="col">Tahap</th><th scope="col">Hasil</th><th scope="col">Dokumen</th></tr></thead>
  <tbody>
  % for j in jobs:
  <tr id="tugas-{{j.id}}" class="tugas-{{j.status or j.state}}">
    <td>{{j.filename}}</td>
    <td>
      <span class="tahap">{{j.stage_label}}</span>
      % if j.state == 'running' and j.total:
      <progress max="{{j.total}}" value="{{j.done}}">{{j.done}}/{{j.total}}</progress>
      % end
    </td>
    <td>
      <span class="hasil">{{labels.get(j.status, j.status) if j.state == 'done' else 'diproses'}}</span>
      % if j.error:
      <span class="alasan">{{j.error}}</span>
      % end
    </td>
    <td>
      % if j.doc_id and j.status in ('indexed', 'unchanged') and j.role == 'peraturan':
      <a href="/staf/dokumen/{{j.doc_id}}">{{j.doc_id}}</a> · <a href="/staf/dokumen/{{j.doc_id}}/versi">versi</a>
      % elif j.doc_id:
      {{j.doc_id}}
      % end
    </td>
  </tr>
  % end
  </tbody>
</table>
