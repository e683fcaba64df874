// HccOrleans pages. No inline scripts: behaviour hangs on data attributes.
(function () {
    'use strict';

    // Server push: pages marked data-live="on" listen to /events/dossiers and raise "dossiers-changed" on <body>
    // with detail.codes (the dossiers that changed; ['*'] for "many"). htmx elements refresh on that event.
    // The stream says "ready" once it is subscribed: <body data-live-ready="on"> from then on. Changes made while a
    // dropped stream was reconnecting were never sent, so a stream that is ready again refreshes everything once.
    function changed(codes) {
        document.body.dispatchEvent(new CustomEvent('dossiers-changed', {
            detail: { codes: codes, any: function (code) { return codes.indexOf('*') >= 0 || codes.indexOf(code) >= 0; } }
        }));
    }

    function listen() {
        if (document.body.dataset.live !== 'on' || !window.EventSource) {
            return;
        }

        var source = new EventSource('/events/dossiers');
        source.addEventListener('ready', function () {
            if (document.body.dataset.liveReady === 'on') {
                changed(['*']);
            }

            document.body.dataset.liveReady = 'on';
        });
        source.addEventListener('dossiers', function (e) {
            changed(e.data ? e.data.split(',') : ['*']);
        });
    }

    // Charts: a <canvas data-chart="{labels, series: [{label, data, color}]}"> becomes a Chart.js bar chart.
    function charts(root) {
        if (!window.Chart) {
            return;
        }

        root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
            var spec = JSON.parse(canvas.dataset.chart);
            var previous = window.Chart.getChart(canvas);
            if (previous) {
                previous.destroy();
            }

            new window.Chart(canvas, {
                type: 'bar',
                data: {
                    labels: spec.labels,
                    datasets: spec.series.map(function (s) { return { label: s.label, data: s.data, backgroundColor: s.color }; })
                },
                options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
            });
        });
    }

    // Printable forms opened with ?print=1 open the print dialog by themselves; [data-print] buttons too.
    function autoprint() {
        if (document.body.dataset.autoprint === 'on') {
            window.addEventListener('load', function () { window.print(); });
        }

        document.querySelectorAll('[data-print]').forEach(function (button) {
            button.addEventListener('click', function () { window.print(); });
        });
    }

    // Forms marked data-with-query post with the page's current query string: the filters and order as they are
    // now, after htmx changed them in place.
    function withQuery() {
        document.addEventListener('submit', function (e) {
            var form = e.target;
            if (form.hasAttribute('data-with-query') && window.location.search.length > 1) {
                form.action = form.getAttribute('action') + '&' + window.location.search.substring(1);
            }
        });
    }

    // Ctrl+Enter submits the form being filled, from any field (a textarea included).
    function submitShortcut() {
        document.addEventListener('keydown', function (e) {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && e.target.form) {
                e.preventDefault();
                e.target.form.requestSubmit();
            }
        });
    }

    // A dossier page that changed under the user: show the note with the new version.
    function staleForms() {
        document.body.addEventListener('htmx:afterSwap', function (e) {
            var state = document.getElementById('dossier-state');
            var forms = document.getElementById('actions');
            if (state && forms && state.dataset.version !== forms.dataset.version) {
                document.getElementById('refresh-note').classList.add('show');
            }

            charts(e.target);
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        listen();
        charts(document);
        autoprint();
        staleForms();
        submitShortcut();
        withQuery();
    });
})();
