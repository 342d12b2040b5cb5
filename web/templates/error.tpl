% rebase('base.tpl', title=title, site_name=site_name, q='')
<h1>{{title}}</h1>
<p>{{message}}</p>
<p><a href="/">Kembali ke beranda</a></p>
