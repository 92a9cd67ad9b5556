const dir = process.argv[2];
const k = await import(`${dir}/model/kernel/index.js`);
const { drawFloats, seeded } = await import(`${dir}/model/random.js`);
const out = [];
for (const n of [3, 4, 6, 8]) {
  const [u] = drawFloats(seeded(n), 2 * n * n); const data = new Float64Array(2 * n * n);
  for (let i = 0; i < n; i++) { data[2*(i*n+i)] = u[2*(i*n+i)]; for (let j = 0; j < i; j++) { const re = u[2*(i*n+j)]-0.5, im = u[2*(i*n+j)+1]-0.5; data[2*(i*n+j)] = re; data[2*(i*n+j)+1] = im; data[2*(j*n+i)] = re; data[2*(j*n+i)+1] = -im; } }
  const m = { rows: n, cols: n, data };
  for (let i = 0; i < 20000; i++) k.eigvalsh(m);
  const c0 = process.cpuUsage(); const N = 100000; for (let i = 0; i < N; i++) k.eigvalsh(m); const c = process.cpuUsage(c0);
  out.push(`d=${n} ${((c.user + c.system) * 1e3 / N).toFixed(0)} ns`);
}
console.log(dir.split("/").slice(-2, -1)[0], out.join("  "));
