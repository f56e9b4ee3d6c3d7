// Our Tasklist settings (they replace the webjar's config.js of the same path).
// Tasklist comes in the browser's language when it is one of these: Russian from our own
// locales/ru.json, English (Camunda's) for everyone else.
export default {
  locales: {
    availableLocales: ['en', 'ru'],
    fallbackLocale: 'en'
  },
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
