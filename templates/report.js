/* The report's behaviour: charts from the inlined data, a sortable and filterable label table, light/dark. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var c = data.charts;
  var charts = [];

  function css(name) { return getComputedStyle(document.documentElement).getPropertyValue(name).trim(); }
  function palette() { return ['--c1', '--c2', '--c3', '--c4', '--c5', '--c6', '--c7', '--c8'].map(css); }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function clock(ms) { var d = new Date(ms); return pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes()) + ':' + pad(d.getUTCSeconds()); }
  var times = c.startMs.map(clock);

  function applyTheme() {
    Chart.defaults.color = css('--muted');
    Chart.defaults.borderColor = css('--grid');
  }

  function line(label, values, color, extra) {
    var d = { label: label, data: values, borderColor: color, backgroundColor: color, borderWidth: 1.5, pointRadius: values.length > 60 ? 0 : 2, spanGaps: false, tension: 0 };
    for (var k in extra) d[k] = extra[k];
    return d;
  }
  function axis(title, extra) {
    var a = { beginAtZero: true, title: { display: true, text: title } };
    for (var k in extra) a[k] = extra[k];
    return a;
  }
  function make(id, config) {
    config.options = config.options || {};
    config.options.animation = false;
    config.options.responsive = true;
    config.options.maintainAspectRatio = false;
    config.options.interaction = config.options.interaction || { mode: 'index', intersect: false };
    charts.push({ id: id, build: function () { return new Chart(document.getElementById(id), config); }, config: config });
  }

  function define() {
    var p = palette();
    charts = [];
    make('chart-percentiles', { type: 'line', data: { labels: times, datasets: [
      line('p50', c.p50, p[4]), line('p90', c.p90, p[2]), line('p95', c.p95, p[6]), line('p99', c.p99, p[3])] },
      options: { scales: { y: axis('ms') } } });
    make('chart-throughput', { type: 'line', data: { labels: times, datasets: [
      line('requests/s', c.throughput, p[0], { yAxisID: 'y', order: 0 }),
      line('errors/s', c.errorsPerS, p[3], { yAxisID: 'y1', type: 'bar', borderWidth: 0, backgroundColor: p[3] + '80', order: 1 })] },
      options: { scales: { y: axis('req/s'), y1: axis('errors/s', { position: 'right', grid: { drawOnChartArea: false } }) } } });
    make('chart-threads', { type: 'scatter', data: { datasets: [
      { label: 'mean response time', data: c.threads.map(function (t, i) { return { x: t, y: c.mean[i] }; }).filter(function (pt) { return pt.y !== null; }), backgroundColor: p[0], borderColor: p[0], pointRadius: 3 },
      { label: 'p95', data: c.threads.map(function (t, i) { return { x: t, y: c.p95[i] }; }).filter(function (pt) { return pt.y !== null; }), backgroundColor: p[6], borderColor: p[6], pointRadius: 3 }] },
      options: { interaction: { mode: 'nearest', intersect: true }, scales: { x: axis('active threads'), y: axis('ms') } } });
    make('chart-distribution', { type: 'bar', data: {
      labels: c.distribution.map(function (b) { return b.to === null ? '≥ ' + b.from : b.from + '–' + b.to; }),
      datasets: [{ label: 'samples', data: c.distribution.map(function (b) { return b.count; }), backgroundColor: p[0], borderWidth: 0 }] },
      options: { scales: { x: { title: { display: true, text: 'response time, ms' } }, y: axis('samples') } } });
    make('chart-latency', { type: 'line', data: { labels: times, datasets: [
      line('response time', c.mean, p[0]), line('latency', c.latency, p[1]), line('connect', c.connect, p[2])] },
      options: { scales: { y: axis('ms') } } });
    var seconds = c.intervalMs / 1000;
    make('chart-codes', { type: 'bar', data: { labels: times, datasets: c.codes.map(function (code, i) {
      return { label: code.code === '' ? '(none)' : code.code, data: code.counts.map(function (n) { return n / seconds; }), backgroundColor: /^[23]/.test(code.code) ? p[[4, 0, 7, 5][i % 4]] : p[[3, 6, 2, 1][i % 4]], borderWidth: 0, stack: 'codes' };
    }) }, options: { scales: { x: { stacked: true }, y: axis('responses/s', { stacked: true }) } } });
    make('chart-bytes', { type: 'line', data: { labels: times, datasets: [
      line('received', c.receivedKBPerS, p[0]), line('sent', c.sentKBPerS, p[4])] },
      options: { scales: { y: axis('KB/s') } } });
  }

  function draw() {
    charts.forEach(function (ch) { if (ch.chart) ch.chart.destroy(); });
    applyTheme();
    define();
    charts.forEach(function (ch) { ch.chart = ch.build(); });
  }
  draw();
  if (window.matchMedia) {
    var scheme = window.matchMedia('(prefers-color-scheme: dark)');
    if (scheme.addEventListener) scheme.addEventListener('change', draw);
  }
  window.addEventListener('beforeprint', function () { charts.forEach(function (ch) { ch.chart.resize(); }); });

  // The label table: sort by a column (numbers by their data-sort value, empty last), filter by part of a label.
  var table = document.getElementById('label-table');
  if (!table) return;
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    th.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      Array.prototype.forEach.call(heads, function (h) { h.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', dir);
      var numeric = th.getAttribute('data-type') === 'number';
      var sign = dir === 'ascending' ? 1 : -1;
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute('data-sort'), y = b.cells[col].getAttribute('data-sort');
        if (numeric) {
          if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
          return sign * (Number(x) - Number(y));
        }
        return sign * x.localeCompare(y);
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  var filter = document.getElementById('label-filter');
  var count = document.getElementById('label-count');
  filter.addEventListener('input', function () {
    var q = filter.value.toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (r) {
      var match = r.cells[0].getAttribute('data-sort').toLowerCase().indexOf(q) >= 0;
      r.hidden = !match;
      if (match) shown += 1;
    });
    count.textContent = q === '' ? body.rows.length + ' labels' : shown + ' of ' + body.rows.length + ' labels';
  });
})();
