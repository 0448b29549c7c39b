// Small conveniences, on every page: a Print button where printing is offered; a question before a form that
// deletes or voids something is sent (data-confirm holds it). Without scripts the forms still work, unasked.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});

document.querySelectorAll("form[data-confirm]").forEach((form) => {
  form.addEventListener("submit", (event) => {
    if (!window.confirm(form.dataset.confirm)) event.preventDefault();
  });
});
