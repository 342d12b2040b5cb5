% rebase('base.tpl', title=title, site_name=site_name, q='', user=user, csrf=csrf)
<section class="formulir">
<h1>Masuk sebagai staf</h1>
% if error:
<p class="galat" role="alert">{{error}}</p>
% end
<form method="post" action="/masuk">
  <input type="hidden" name="csrf_token" value="{{csrf}}">
  <input type="hidden" name="lanjut" value="{{lanjut}}">
  <p><label for="nama">Nama pengguna</label><br>
     <input id="nama" name="nama" autocomplete="username" required value="{{name}}"></p>
  <p><label for="sandi">Kata sandi</label><br>
     <input id="sandi" name="sandi" type="password" autocomplete="current-password" required></p>
  <p><button type="submit">Masuk</button></p>
</form>
</section>
