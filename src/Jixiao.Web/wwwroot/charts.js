// Renders every element with a data-echarts attribute (an ECharts option as JSON, built by the server).
// No inline script (the CSP allows only this site's files); runs on load and after Blazor's enhanced navigation.
(function () {
  function render() {
    if (!window.echarts) return;
    document.querySelectorAll('[data-echarts]').forEach(function (el) {
      if (el.dataset.rendered === el.dataset.echarts) return;
      var chart = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(JSON.parse(el.dataset.echarts), true);
      el.dataset.rendered = el.dataset.echarts;
      el.setAttribute('data-chart-ready', 'true');
    });
  }
  window.addEventListener('resize', function () {
    document.querySelectorAll('[data-echarts]').forEach(function (el) { var c = window.echarts && echarts.getInstanceByDom(el); if (c) c.resize(); });
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', render); else render();
  function hook() {
    if (window.Blazor && window.Blazor.addEventListener) { window.Blazor.addEventListener('enhancedload', render); return; }
    setTimeout(hook, 100);
  }
  hook();
})();
