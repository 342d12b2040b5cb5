% rebase('base.tpl', title=title, site_name=site_name, q='', user=user, csrf=csrf)
<h1>Unggah dokumen</h1>
% if error:
<p class="galat" role="alert">{{error}}</p>
% end
<form method="post" action="/staf/unggah" enctype="multipart/form-data" class="unggah">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <label for="berkas">Berkas peraturan (PDF, DOCX, HTML, TXT, MD; boleh beberapa sekaligus, paling banyak {{max_files}}, masing-masing paling besar {{'%.0f' % (max_bytes / 1048576)}} MB)</label>
  <input id="berkas" name="berkas" type="file" multiple required accept=".pdf,.docx,.html,.htm,.txt,.md,.markdown">
  <button type="submit">Unggah</button>
</form>
<p>Berkas yang diunggah diindeks tanpa diterbitkan: staf dapat langsung mencarinya, lalu membuka dokumennya, memeriksa metadatanya, dan menekan <strong>Terbitkan</strong>.</p>
<h2>Unggahan terakhir</h2>
% include('job_table.tpl', jobs=jobs, labels=labels)
