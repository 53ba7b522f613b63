// Words on screen, Bahasa Indonesia first and English beside (the branch's own
// words: peserta aktif, cakupan, tunggakan, mitra, PKS/MoU).  t(key) looks a
// key up in the chosen language; the choice lives in localStorage.
import * as fmt from './format.js';

const STRINGS = {
  id: {
    app_title: 'Jaring',
    app_tagline: 'Menjaring pekerja ke dalam perlindungan',
    nav_dashboard: 'Dasbor', nav_registry: 'Registrasi', nav_partners: 'Mitra & PKS/MoU',
    nav_import: 'Unggah data', nav_bills: 'Tagihan & tunggakan',
    sign_in: 'Masuk', sign_out: 'Keluar', username: 'Nama pengguna', password: 'Kata sandi',
    sign_in_title: 'Masuk ke Jaring', sign_in_failed: 'Nama pengguna atau kata sandi salah.',
    signed_in_as: 'Masuk sebagai {name} ({role})',
    role_admin: 'admin', role_officer: 'petugas', role_viewer: 'pembaca', role_partner: 'mitra',
    language: 'Bahasa', lang_switch: 'English',
    loading: 'Memuat…', none: 'Tidak ada data.', more: 'Muat lebih banyak',
    unavailable: 'Data ini belum tersedia di server.',
    forbidden: 'Anda tidak berhak membuka halaman ini.', not_found: 'Data tidak ditemukan.',
    error: 'Terjadi kesalahan: {message}', back: 'Kembali',
    // dashboard
    print: 'Cetak / PDF',
    dash_title: 'Dasbor cakupan kepesertaan', as_of: 'Per {date}', as_of_date: 'Tanggal acuan',
    growth_kpi: 'Pertumbuhan sejak bulan lalu',
    active_participants: 'Peserta aktif', by_segment: 'Peserta aktif per segmen',
    seg_PU: 'Penerima Upah (PU)', seg_BPU: 'Bukan Penerima Upah (BPU)',
    seg_JAKON: 'Jasa Konstruksi (Jakon)', seg_PMI: 'Pekerja Migran Indonesia (PMI)',
    coverage: 'Cakupan', coverage_of_workforce: 'Cakupan terhadap jumlah pekerja',
    workforce: 'Jumlah pekerja', target: 'Target', target_reached: 'Capaian target',
    employers: 'Badan usaha', persons: 'Tenaga kerja terdaftar',
    growth_title: 'Pertumbuhan peserta aktif per bulan', growth_target: 'Garis target',
    district_title: 'Cakupan per kecamatan', district: 'Kecamatan',
    sectors_title: 'Sektor dengan pekerja belum terlindungi terbanyak', sector: 'Sektor',
    sectors_active_title: 'Peserta aktif per sektor',
    uncovered: 'Belum terlindungi',
    no_workforce: 'Jumlah pekerja (angkatan kerja) belum diimpor: cakupan belum bisa dihitung.',
    no_workforce_district: 'Jumlah pekerja per kecamatan belum diimpor (jaring import workforce): kecamatan diurutkan menurut peserta aktif.',
    no_workforce_sector: 'Jumlah pekerja per sektor belum diimpor (jaring import workforce): sektor diurutkan menurut peserta aktif.',
    no_workforce_short: 'jumlah pekerja belum diimpor',
    lowest_coverage: '{n} kecamatan dengan cakupan terendah', lowest_active: '{n} kecamatan dengan peserta aktif paling sedikit',
    // registry
    registry_title: 'Registrasi peserta dan badan usaha',
    search_placeholder: 'NIK, KPJ, NPP, NIB atau nama', search: 'Cari',
    persons_found: 'Tenaga kerja', employers_found: 'Badan usaha',
    nik: 'NIK', kpj: 'KPJ', name: 'Nama', npp: 'NPP', nib: 'NIB', npwp: 'NPWP',
    birth_date: 'Tanggal lahir', sex: 'Jenis kelamin', region: 'Wilayah', address: 'Alamat',
    memberships: 'Kepesertaan', segment: 'Segmen', employer: 'Pemberi kerja',
    programs: 'Program', wage: 'Upah / penghasilan', start: 'Mulai', end: 'Berakhir',
    status: 'Status', payer: 'Pembayar', bills: 'Tagihan', period: 'Periode',
    amount: 'Jumlah', paid: 'Dibayar', workers: 'Tenaga kerja', findings: 'Temuan kepatuhan',
    kind: 'Jenis', sector_kbli: 'KBLI', scale: 'Skala', risk: 'Kelompok risiko JKK',
    detail: 'Rincian', person_title: 'Tenaga kerja {nik}', employer_title: 'Badan usaha',
    // partners
    partners_title: 'Mitra dan PKS/MoU', partner: 'Mitra', parent: 'Induk',
    agreements: 'PKS/MoU', agreement: 'PKS/MoU', scope: 'Ruang lingkup',
    quota: 'Kuota', realised: 'Terealisasi', enrolled: 'Didaftarkan', active: 'Aktif',
    billed: 'Ditagih', cohort: 'Anggota wadah', renewals: 'Daftar perpanjangan',
    renewals_hint: 'Peserta yang masa perlindungannya perlu diperpanjang.',
    ends_soon: 'segera berakhir', progress: 'Capaian',
    agr_current: 'berlaku', agr_soon: 'segera berakhir', agr_ended: 'berakhir', agr_future: 'belum mulai',
    // import
    import_title: 'Unggah data', import_kind: 'Jenis data', import_file: 'Berkas CSV',
    kind_workers: 'Tenaga kerja', kind_employers: 'Badan usaha', kind_partners: 'Mitra',
    kind_payments: 'Pembayaran', kind_licensing: 'Perizinan (NIB)', kind_sirup: 'Paket SiRUP',
    kind_workforce: 'Jumlah pekerja',
    check: 'Periksa', confirm: 'Simpan data', download_report: 'Unduh laporan baris ditolak',
    rows: 'Baris', rows_ok: 'Baris baik', rejected: 'Baris ditolak', inserted: 'Baru',
    updated: 'Diperbarui', unchanged: 'Tidak berubah', line: 'Baris', column: 'Kolom',
    value: 'Nilai', reason: 'Alasan', severity: 'Tingkat',
    checked_note: 'Hasil pemeriksaan: belum ada yang disimpan.',
    xlsx_unsupported: 'Berkas XLSX belum bisa dibaca: di Excel pilih Simpan Sebagai → CSV, lalu unggah berkas CSV itu.',
    committed_note: 'Data tersimpan.', choose_file: 'Pilih berkas terlebih dahulu.',
    import_hint: 'Berkas diperiksa dulu baris demi baris. Baris yang baik baru disimpan setelah Anda menekan “Simpan data”.',
    // bills
    bills_title: 'Tagihan dan tunggakan iuran', arrears: 'Tunggakan iuran',
    payer_kind: 'Jenis pembayar', all: 'Semua', show: 'Tampilkan',
    payer_employer: 'Badan usaha', payer_participant: 'Peserta (mandiri)', payer_partner: 'Mitra',
    lines: 'Baris tagihan', total: 'Total', owed: 'Pokok tunggakan', fines: 'Denda',
    current: 'Belum jatuh tempo', oldest_period: 'Sejak', months_1_3: '1–3 bulan', over_3: 'Lebih dari 3 bulan',
    arrears_partial: '{n} penunggak terbesar; denda {fines} · lihat semua',
    arrears_partial_total: '{n} penunggak terbesar: pokok {owed} · denda {fines} (daftar lengkap: unduh CSV/XLSX)',
    export_csv: 'Unduh CSV', export_xlsx: 'Unduh XLSX', total_owed: 'Total tunggakan',
    status_open: 'Belum lunas', status_paid: 'Lunas', status_partial: 'Sebagian',
    units: 'Unit / amal usaha', reported: 'Dilaporkan', number: 'Nomor', signed_on: 'Ditandatangani',
    pays: 'Pembayar iuran', funding: 'Sumber dana', cohorts: 'Wadah', sectors: 'Sektor',
    renewals_between: 'Kepesertaan yang berakhir antara {from} dan {to}.', role_in: 'Peran mitra',
    w_government: 'pemerintah daerah', w_office: 'OPD / kantor', w_licensing_office: 'DPMPTSP (perizinan)',
    w_trade_office: 'dinas perdagangan', w_welfare_section: 'Bagian Kesra', w_religious_org: 'organisasi keagamaan',
    w_association: 'asosiasi', w_company: 'perusahaan', w_village: 'desa / kelurahan',
    pays_partner: 'mitra', pays_members: 'peserta sendiri', pays_none: 'tidak ada (tukar data)',
    role_pays: 'membayar iuran', role_encourages: 'mendorong unitnya mendaftar', role_data: 'bertukar data',
    ek_company: 'perusahaan', ek_government_office: 'kantor pemerintah (OPD)', ek_religious_unit: 'amal usaha / unit keagamaan',
    sc_micro: 'mikro', sc_small: 'kecil', sc_medium: 'menengah', sc_large: 'besar',
    ek_market: 'pasar', ek_cooperative: 'koperasi', ek_other: 'lainnya',
    sex_M: 'Laki-laki', sex_F: 'Perempuan', sev_error: 'ditolak', sev_warning: 'peringatan',
    status_active: 'Aktif', status_inactive: 'Nonaktif',
    outstanding: 'Sisa tagihan', due_date: 'Jatuh tempo', occupation: 'Pekerjaan', phone: 'Telepon',
  },
  en: {
    app_title: 'Jaring',
    app_tagline: 'Netting workers into protection',
    nav_dashboard: 'Dashboard', nav_registry: 'Registry', nav_partners: 'Partners & MoUs',
    nav_import: 'Import', nav_bills: 'Bills & arrears',
    sign_in: 'Sign in', sign_out: 'Sign out', username: 'Username', password: 'Password',
    sign_in_title: 'Sign in to Jaring', sign_in_failed: 'Wrong username or password.',
    signed_in_as: 'Signed in as {name} ({role})',
    role_admin: 'admin', role_officer: 'officer', role_viewer: 'viewer', role_partner: 'partner',
    language: 'Language', lang_switch: 'Bahasa Indonesia',
    loading: 'Loading…', none: 'No data.', more: 'Load more',
    unavailable: 'The server does not offer this data yet.',
    forbidden: 'You are not allowed to open this page.', not_found: 'Not found.',
    error: 'Something went wrong: {message}', back: 'Back',
    print: 'Print / PDF',
    dash_title: 'Coverage dashboard', as_of: 'As of {date}', as_of_date: 'As of',
    growth_kpi: 'Growth since last month',
    active_participants: 'Active participants', by_segment: 'Active participants by segment',
    seg_PU: 'Wage earners (PU)', seg_BPU: 'Non-wage earners (BPU)',
    seg_JAKON: 'Construction (Jakon)', seg_PMI: 'Migrant workers (PMI)',
    coverage: 'Coverage', coverage_of_workforce: 'Coverage of the workforce',
    workforce: 'Workforce', target: 'Target', target_reached: 'Target reached',
    employers: 'Employers', persons: 'Registered workers',
    growth_title: 'Active participants month by month', growth_target: 'Target line',
    district_title: 'Coverage by district', district: 'District',
    sectors_title: 'Sectors with the most workers not yet covered', sector: 'Sector',
    sectors_active_title: 'Active participants by sector',
    uncovered: 'Not covered',
    no_workforce: 'Workforce figures have not been imported: coverage cannot be computed yet.',
    no_workforce_district: 'No workforce figures by district yet (jaring import workforce): districts are ranked by active participants.',
    no_workforce_sector: 'No workforce figures by sector yet (jaring import workforce): sectors are ranked by active participants.',
    no_workforce_short: 'workforce not imported yet',
    lowest_coverage: 'The {n} districts with the lowest coverage', lowest_active: 'The {n} districts with the fewest active participants',
    registry_title: 'Registry of participants and employers',
    search_placeholder: 'NIK, KPJ, NPP, NIB or name', search: 'Search',
    persons_found: 'Workers', employers_found: 'Employers',
    nik: 'NIK', kpj: 'KPJ', name: 'Name', npp: 'NPP', nib: 'NIB', npwp: 'NPWP',
    birth_date: 'Birth date', sex: 'Sex', region: 'Region', address: 'Address',
    memberships: 'Memberships', segment: 'Segment', employer: 'Employer',
    programs: 'Programs', wage: 'Wage / income', start: 'Start', end: 'End',
    status: 'Status', payer: 'Payer', bills: 'Bills', period: 'Period',
    amount: 'Amount', paid: 'Paid', workers: 'Workers', findings: 'Compliance findings',
    kind: 'Kind', sector_kbli: 'KBLI', scale: 'Scale', risk: 'JKK risk group',
    detail: 'Details', person_title: 'Worker {nik}', employer_title: 'Employer',
    partners_title: 'Partners and MoUs', partner: 'Partner', parent: 'Parent',
    agreements: 'MoUs / agreements', agreement: 'Agreement', scope: 'Scope',
    quota: 'Quota', realised: 'Realised', enrolled: 'Enrolled', active: 'Active',
    billed: 'Billed', cohort: 'Cohort members', renewals: 'Renewal list',
    renewals_hint: 'Participants whose protection needs renewing.',
    ends_soon: 'ends soon', progress: 'Progress',
    agr_current: 'in force', agr_soon: 'ends soon', agr_ended: 'ended', agr_future: 'not started',
    import_title: 'Import', import_kind: 'Kind of data', import_file: 'CSV file',
    kind_workers: 'Workers', kind_employers: 'Employers', kind_partners: 'Partners',
    kind_payments: 'Payments', kind_licensing: 'Licences (NIB)', kind_sirup: 'SiRUP packages',
    kind_workforce: 'Workforce',
    check: 'Check', confirm: 'Save the data', download_report: 'Download the rejected-rows report',
    rows: 'Rows', rows_ok: 'Good rows', rejected: 'Rejected rows', inserted: 'New',
    updated: 'Updated', unchanged: 'Unchanged', line: 'Line', column: 'Column',
    value: 'Value', reason: 'Reason', severity: 'Severity',
    checked_note: 'Check result: nothing has been saved yet.',
    xlsx_unsupported: 'XLSX files cannot be read yet: in Excel choose Save As → CSV and upload that file.',
    committed_note: 'Data saved.', choose_file: 'Choose a file first.',
    import_hint: 'The file is checked row by row first. Good rows are saved only when you press “Save the data”.',
    bills_title: 'Bills and contribution arrears', arrears: 'Contribution arrears',
    payer_kind: 'Payer kind', all: 'All', show: 'Show',
    payer_employer: 'Employer', payer_participant: 'Participant (self)', payer_partner: 'Partner',
    lines: 'Bill lines', total: 'Total', owed: 'Arrears owed', fines: 'Fines',
    current: 'Not yet due', oldest_period: 'Since', months_1_3: '1–3 months', over_3: 'Over 3 months',
    arrears_partial: 'the {n} largest debtors; fines {fines} · see all',
    arrears_partial_total: 'The {n} largest debtors: arrears {owed} · fines {fines} (full list: download CSV/XLSX)',
    export_csv: 'Download CSV', export_xlsx: 'Download XLSX', total_owed: 'Total arrears',
    status_open: 'Unpaid', status_paid: 'Paid', status_partial: 'Partly paid',
    units: 'Units', reported: 'Reported', number: 'Number', signed_on: 'Signed',
    pays: 'Contributions paid by', funding: 'Funding', cohorts: 'Cohorts', sectors: 'Sectors',
    renewals_between: 'Memberships ending between {from} and {to}.', role_in: 'Partner role',
    w_government: 'local government', w_office: 'government office', w_licensing_office: 'licensing office (DPMPTSP)',
    w_trade_office: 'trade office', w_welfare_section: 'welfare section (Kesra)', w_religious_org: 'religious organisation',
    w_association: 'association', w_company: 'company', w_village: 'village',
    pays_partner: 'the partner', pays_members: 'the members', pays_none: 'nobody (data exchange)',
    role_pays: 'pays the contributions', role_encourages: 'encourages its units to register', role_data: 'exchanges data',
    ek_company: 'company', ek_government_office: 'government office (OPD)', ek_religious_unit: 'religious unit',
    sc_micro: 'micro', sc_small: 'small', sc_medium: 'medium', sc_large: 'large',
    ek_market: 'market', ek_cooperative: 'cooperative', ek_other: 'other',
    sex_M: 'Male', sex_F: 'Female', sev_error: 'rejected', sev_warning: 'warning',
    status_active: 'Active', status_inactive: 'Inactive',
    outstanding: 'Outstanding', due_date: 'Due date', occupation: 'Occupation', phone: 'Phone',
  },
};

const KEY = 'jaring.lang';
let current = 'id';
try {
  const saved = globalThis.localStorage && localStorage.getItem(KEY);
  if (saved === 'en' || saved === 'id') current = saved;
} catch (_) { /* storage blocked: Indonesian */ }

export function lang() {
  return current;
}

export function setLang(l) {
  current = l === 'en' ? 'en' : 'id';
  try { localStorage.setItem(KEY, current); } catch (_) { /* not kept */ }
  if (globalThis.document) document.documentElement.lang = current;
}

// t('signed_in_as', {name: 'x'}): a missing key shows itself, so a gap is seen.
export function t(key, params) {
  const table = STRINGS[current] || STRINGS.id;
  let s = table[key] ?? STRINGS.id[key] ?? key;
  if (params)
    s = s.replace(/\{(\w+)\}/g, (m, k) => (params[k] === undefined ? m : String(params[k])));
  return s;
}

export function hasKey(key) {
  return key in STRINGS.id;
}

// Formatting in the chosen language.
export const rp = (n) => fmt.rupiah(n, current);
export const num = (n) => fmt.number(n, current);
export const pct = (x, d) => fmt.percent(x, current, d);
export const day = (iso) => fmt.date(iso, current);
export const mon = (ym, short) => fmt.month(ym, current, short);

export const _strings = STRINGS;
