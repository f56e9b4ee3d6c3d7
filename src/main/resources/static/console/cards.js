// Phone-width lists show each row as a card (console.css, max-width 700px) and hide the
// table's header: each cell gets its column's name in data-label, which the card prints
// before the value. Done for every list on the page, and again for what htmx swaps in.
(function () {
  'use strict';

  function label(root) {
    root.querySelectorAll('table.list').forEach(function (table) {
      var names = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll('tbody tr').forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, index) {
          if (names[index] && !cell.hasAttribute('colspan')) {
            cell.setAttribute('data-label', names[index]);
          }
        });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    label(document);
  });
  document.addEventListener('htmx:afterSettle', function (event) {
    label(event.target);
  });
})();
