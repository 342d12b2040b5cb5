% staff = bool(user)
<aside class="panel-anotasi" id="panel-anotasi" aria-labelledby="judul-panel-anotasi">
  <h2 id="judul-panel-anotasi">{{'Anotasi' if staff else 'Catatan publik'}}</h2>
  % if staff:
  <form class="saring-anotasi" method="get" action="{{lanjut}}">
    <label for="saring-tag">Tag</label>
    <select id="saring-tag" name="tag"><option value="">semua</option>
      % for tag in anotasi.tags:
      <option value="{{tag}}" {{'selected' if anotasi.filters.get('tag') == tag else ''}}>{{tag}}</option>
      % end
    </select>
    <label for="saring-penulis">Penulis</label>
    <select id="saring-penulis" name="penulis"><option value="">semua</option>
      % for a in anotasi.authors:
      <option value="{{a}}" {{'selected' if anotasi.filters.get('penulis') == a else ''}}>{{a}}</option>
      % end
    </select>
    <label for="saring-status">Status</label>
    <select id="saring-status" name="status"><option value="">semua</option>
      % for k, v in anotasi.labels['status'].items():
      <option value="{{k}}" {{'selected' if anotasi.filters.get('status') == k else ''}}>{{v}}</option>
      % end
    </select>
    <label for="saring-jenis">Jenis</label>
    <select id="saring-jenis" name="jenis"><option value="">semua</option>
      % for k, v in anotasi.labels['kind'].items():
      <option value="{{k}}" {{'selected' if anotasi.filters.get('jenis') == k else ''}}>{{v}}</option>
      % end
    </select>
    <button type="submit">Saring</button>
    % if anotasi.filters:
    <a href="{{lanjut}}">Hapus saringan</a>
    % end
  </form>
  <p class="petunjuk">Pilih teks pada sebuah pasal, ayat, atau huruf untuk membuat anotasi pada teks itu.
    % if anotasi.unit_links:
    Untuk menganotasi seluruh unit, pakai tautan "+ Anotasi" di bawah teksnya.
    % else:
    Untuk menganotasi seluruh unit, buka pasalnya (klik judul pasal) lalu pakai tautan "+ Anotasi".
    % end
    <a href="/anotasi?dokumen={{anotasi.doc_id}}">Semua anotasi dokumen ini</a></p>
  % end
  % if anotasi.orphans:
  <section class="anotasi-yatim">
    <h3>Anotasi yatim ({{len(anotasi.orphans)}})</h3>
    <p class="petunjuk">Teks yang dianotasi tidak ditemukan lagi setelah dokumen diindeks ulang; anotasi ini tidak
      dipasang ke pasal mana pun sampai staf memasangnya.</p>
    % for t in anotasi.orphans:
    % include('anotasi_utas.tpl', t=t, unit_href='/anotasi/' + t.id, store=store, user=user, csrf=csrf, lanjut=lanjut, anotasi_labels=anotasi.labels)
    % end
  </section>
  % end
  % for t in anotasi.threads:
  % include('anotasi_utas.tpl', t=t, unit_href='#' + t.unit_id, store=store, user=user, csrf=csrf, lanjut=lanjut, anotasi_labels=anotasi.labels)
  % end
  % if not anotasi.threads and not anotasi.orphans:
  <p class="kosong">{{'Belum ada anotasi' + (' yang cocok dengan saringan.' if anotasi.filters else '.') if staff else 'Tidak ada catatan publik.'}}</p>
  % end
  % if staff:
  <form id="form-anotasi-baru" class="form-anotasi" method="post" action="/anotasi" data-api="POST /api/anotasi" hidden>
    <h3>Anotasi baru</h3>
    <input type="hidden" name="csrf_token" value="{{csrf}}">
    <input type="hidden" name="dokumen" value="{{anotasi.doc_id}}">
    <input type="hidden" name="unit" value="">
    <input type="hidden" name="mulai" value="">
    <input type="hidden" name="akhir" value="">
    <input type="hidden" name="kutipan" value="">
    <input type="hidden" name="lanjut" value="{{lanjut}}">
    <p class="kutipan-terpilih"></p>
    <p><label for="anotasi-isi">Isi anotasi</label><br><textarea id="anotasi-isi" name="isi" rows="4" required></textarea></p>
    <p><label for="anotasi-tag">Tag (pisahkan dengan koma)</label><br><input id="anotasi-tag" name="tag" placeholder="PAW, multitafsir"></p>
    <p><label for="anotasi-jenis">Jenis</label>
      <select id="anotasi-jenis" name="jenis">
        % for k, v in anotasi.labels['kind'].items():
        <option value="{{k}}">{{v}}</option>
        % end
      </select>
      <label for="anotasi-visibilitas">Visibilitas</label>
      <select id="anotasi-visibilitas" name="visibilitas">
        % for k, v in anotasi.labels['visibility'].items():
        <option value="{{k}}" {{'selected' if k == 'internal' else ''}}>{{v}}</option>
        % end
      </select></p>
    <p><label for="anotasi-tautan">Tautan ke pasal atau catatan lain (satu per baris)</label><br>
      <textarea id="anotasi-tautan" name="tautan" rows="2" placeholder="Pasal 242 UU 17/2014"></textarea></p>
    <p><button type="submit">Simpan anotasi</button> <button type="button" class="kedua" data-batal>Batal</button></p>
    <p class="galat" role="alert" hidden></p>
  </form>
  % end
</aside>
