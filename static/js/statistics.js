// Draws the charts of the statistics page. Each canvas carries its numbers as JSON in the
// data-chart attribute ({"label", "labels", "values"}) and its kind in data-chart-type, because the
// Content-Security-Policy allows no inline script. The tables below the charts show the same numbers.
(function () {
  'use strict';

  // Users who ask for less motion get the charts drawn at once, without Chart.js's animation.
  var reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function draw(canvas) {
    var data = JSON.parse(canvas.dataset.chart);
    var type = canvas.dataset.chartType;
    new Chart(canvas, {
      type: type,
      data: {
        labels: data.labels,
        datasets: [{label: data.label, data: data.values}]
      },
      options: {
        animation: reducedMotion ? false : {},
        maintainAspectRatio: false,
        plugins: {legend: {display: type !== 'bar'}},
        scales: type === 'bar' ? {y: {beginAtZero: true, ticks: {precision: 0}}} : {}
      }
    });
  }

  document.querySelectorAll('canvas[data-chart]').forEach(draw);
}());
