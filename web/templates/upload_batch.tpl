% rebase('base.tpl', title=title, site_name=site_name, q='', user=user, csrf=csrf, refresh=2 if working else None)
<h1>Status unggahan</h1>
% if working:
<p role="status">Berkas sedang diproses; halaman ini diperbarui sendiri setiap 2 detik.</p>
% else:
<p role="status" class="pesan">Semua berkas selesai diproses.</p>
% end
% include('job_table.tpl', jobs=jobs, labels=labels)
<p><a href="/staf/unggah">Unggah berkas lain</a></p>
