// The counter's keyboard: the procedure picker, Enter moving on, the CCCD's QR code, the review line.
(function () {
    'use strict';

    // The picker: htmx answers each key press with the list for what was typed (data-query); ↑↓ move, Enter chooses.
    // An Enter typed before the list for the last key press arrived waits for that list, so fast typing chooses right.
    function picker(form) {
        var search = document.getElementById('procedure-search');
        var chosen = document.getElementById('procedure');
        var pendingEnter = false;
        var list = function () { return document.getElementById('procedure-options'); };
        var options = function () { return Array.prototype.slice.call(list().querySelectorAll('[role=option]')); };
        var active = function () { return list().querySelector('[role=option].active'); };
        var fresh = function () { return list().dataset.query === search.value && !search.classList.contains('htmx-request'); };

        function mark(option) {
            options().forEach(function (o) {
                o.classList.toggle('active', o === option);
                o.setAttribute('aria-selected', o === option ? 'true' : 'false');
            });
            if (option) {
                search.setAttribute('aria-activedescendant', option.id);
                option.scrollIntoView({ block: 'nearest' });
            }
        }

        function choose(option) {
            chosen.value = option.dataset.code;
            search.value = option.dataset.name;
            list().hidden = true;
            search.setAttribute('aria-expanded', 'false');
            search.removeAttribute('aria-activedescendant');
            chosen.dispatchEvent(new Event('change', { bubbles: true }));
            var next = document.getElementById(search.dataset.next);
            if (next) {
                next.focus();
            }
        }

        search.addEventListener('keydown', function (e) {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                var all = options();
                var at = all.indexOf(active());
                mark(all[e.key === 'ArrowDown' ? Math.min(all.length - 1, at + 1) : Math.max(0, at - 1)]);
                e.preventDefault();
            } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
                e.preventDefault();
                if (!fresh()) {
                    pendingEnter = true;
                } else if (active()) {
                    choose(active());
                }
            } else if (e.key === 'Escape') {
                list().hidden = true;
                search.setAttribute('aria-expanded', 'false');
            }
        });
        search.addEventListener('input', function () {
            chosen.value = '';
            search.setAttribute('aria-expanded', 'true');
        });
        document.body.addEventListener('htmx:afterSettle', function () {
            if (!list().hidden) {
                search.setAttribute('aria-expanded', 'true');
            }

            if (pendingEnter && fresh()) {
                pendingEnter = false;
                if (active()) {
                    choose(active());
                }
            }
        });
        form.addEventListener('click', function (e) {
            var option = e.target.closest('#procedure-options [role=option]');
            if (option) {
                choose(option);
            }
        });
    }

    // Enter in a one-line field moves to the next field instead of submitting half a dossier; Ctrl+Enter submits.
    function enterMovesOn(form) {
        form.addEventListener('keydown', function (e) {
            var field = e.target;
            if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || field.id === 'procedure-search'
                || field.tagName === 'TEXTAREA' || field.tagName === 'BUTTON' || field.type === 'submit') {
                return;
            }

            e.preventDefault();
            var fields = Array.prototype.slice.call(form.querySelectorAll('input:not([type=hidden]), select, textarea, button'))
                .filter(function (f) { return !f.disabled && f.offsetParent !== null; });
            var next = fields[fields.indexOf(field) + 1];
            if (next) {
                next.focus();
            }
        });
    }

    // A scanner reading the QR code on a chip CCCD types one line into its own field:
    // ID number|old ID|name|date of birth|sex|address|issued. The applicant's fields are filled from it.
    function cccdQr() {
        var scan = document.getElementById('cccd-qr');
        scan.addEventListener('input', function () {
            var parts = scan.value.split('|');
            if (parts.length < 6 || !/^[0-9]{12}$/.test(parts[0])) {
                return;
            }

            document.getElementById('id-number').value = parts[0];
            document.getElementById('name').value = parts[2];
            document.getElementById('address').value = parts[5];
            scan.value = '';
            document.getElementById('id-number').dispatchEvent(new Event('change', { bubbles: true }));
            document.getElementById('phone').focus();
        });
    }

    // What the receipt will say, kept in view while the form is filled.
    function review(form) {
        var line = document.getElementById('review');
        function text(id) {
            var field = document.getElementById(id);
            return field && field.value.trim() ? field.value.trim() : '—';
        }

        function update() {
            var ticked = form.querySelectorAll('input[name="Form.Components"]:checked').length;
            var typed = text('documents') === '—' ? 0 : text('documents').split('\n').filter(function (l) { return l.trim(); }).length;
            var fee = document.getElementById('fee-due');
            var appointment = document.getElementById('appointment');
            line.textContent = text('procedure-search') + ' · ' + text('name') + ' · CCCD ' + text('id-number') + ' · ĐT ' + text('phone')
                + ' · ' + (ticked + typed) + ' thành phần' + (fee ? ' · phí ' + fee.textContent : '')
                + (appointment ? ' · hẹn trả ' + appointment.textContent : '');
        }

        form.addEventListener('input', update);
        form.addEventListener('change', update);
        document.body.addEventListener('htmx:afterSettle', update);
        update();
    }

    document.addEventListener('DOMContentLoaded', function () {
        var form = document.getElementById('counter-form');
        if (!form) {
            return;
        }

        picker(form);
        enterMovesOn(form);
        cccdQr();
        review(form);
        var focus = document.getElementById(form.dataset.focus);
        if (focus) {
            focus.focus();
        }
    });
})();
