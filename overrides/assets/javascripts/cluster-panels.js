/*
 * Small keyboard fix for Material for MkDocs (see "cluster-panels fix 3" in
 * overrides/base.html).
 *
 * On narrow screens the search toggle is a checkbox that keyboard users
 * switch with Space. Material only moves focus into the search box when the
 * header's search button is clicked with a mouse, so do the same when the
 * toggle is switched on from the keyboard.
 */
document.addEventListener("change", function (event) {
  var toggle = event.target;
  if (toggle && toggle.id === "__search" && toggle.checked && document.activeElement === toggle) {
    var input = document.querySelector(".md-search__input");
    if (input) {
      input.focus();
    }
  }
});
