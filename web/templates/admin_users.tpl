% rebase('base.tpl', title=title, site_name=site_name, q='', user=user, csrf=csrf)
<h1>Pengguna</h1>
% if error:
<p class="galat" role="alert">{{error}}</p>
% end
% if message:
<p class="pesan" role="status">{{message}}</p>
% end
<table class="tabel">
  <caption class="tersembunyi">Daftar pengguna</caption>
  <thead><tr><th scope="col">Nama</th><th scope="col">Peran</th><th scope="col">Status</th><th scope="col">Ubah</th></tr></thead>
  <tbody>
  % for u in users:
  <tr>
    <td>{{u.name}}</td><td>{{u.role}}</td><td>{{'aktif' if u.active else 'nonaktif'}}</td>
    <td>
      <form method="post" action="/admin/pengguna/{{u.id}}" class="sebaris">
        <input type="hidden" name="csrf_token" value="{{csrf}}">
        <label for="peran-{{u.id}}" class="tersembunyi">Peran {{u.name}}</label>
        <select id="peran-{{u.id}}" name="peran">
          % for r in roles:
          <option value="{{r}}" {{'selected' if r == u.role else ''}}>{{r}}</option>
          % end
        </select>
        <label for="aktif-{{u.id}}" class="tersembunyi">Status {{u.name}}</label>
        <select id="aktif-{{u.id}}" name="aktif">
          <option value="1" {{'selected' if u.active else ''}}>aktif</option>
          <option value="0" {{'' if u.active else 'selected'}}>nonaktif</option>
        </select>
        <label for="sandi-{{u.id}}" class="tersembunyi">Kata sandi baru {{u.name}}</label>
        <input id="sandi-{{u.id}}" name="sandi" type="password" placeholder="kata sandi baru (opsional)" autocomplete="new-password">
        <button type="submit">Simpan</button>
      </form>
    </td>
  </tr>
  % end
  </tbody>
</table>
<h2>Tambah pengguna</h2>
<form method="post" action="/admin/pengguna">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <p><label for="nama-baru">Nama pengguna</label><br><input id="nama-baru" name="nama" required></p>
  <p><label for="sandi-baru">Kata sandi (minimal 10 karakter)</label><br><input id="sandi-baru" name="sandi" type="password" autocomplete="new-password" required></p>
  <p><label for="peran-baru">Peran</label><br>
    <select id="peran-baru" name="peran">
      % for r in roles:
      <option value="{{r}}">{{r}}</option>
      % end
    </select></p>
  <p><button type="submit">Tambah</button></p>
</form>
<p><a href="/admin/audit">Log audit</a></p>
