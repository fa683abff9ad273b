import type { Messages } from "@/messages/en";

export const ru: Messages = {
  common: {
    appName: "Входящие поддержки",
    retry: "Повторить",
    cancel: "Отмена",
    close: "Закрыть",
    loading: "Загрузка…",
    somethingWentWrong: "Что-то пошло не так.",
    language: "Язык",
  },
  login: {
    title: "Вход во входящие",
    email: "Эл. почта",
    password: "Пароль",
    submit: "Войти",
    submitting: "Входим…",
    invalid: "Неверная почта или пароль.",
    tooMany: "Слишком много неудачных попыток. Подождите 15 минут и попробуйте снова.",
    failed: "Не удалось войти. Проверьте соединение и попробуйте снова.",
    demoTitle: "Демо-режим",
    demoHint: "Ни один провайдер не настроен, поэтому входящие работают с тестовыми провайдерами. Войдите так:",
  },
  shell: {
    signOut: "Выйти",
    signedInAs: "Вы вошли как {name}",
    roleAdmin: "Администратор",
    roleAgent: "Оператор",
    chatsHeading: "Чаты",
    noChats: "Чатов пока нет",
    noChatsHint: "Чаты появятся здесь, как только провайдер их передаст.",
    selectChat: "Выберите чат",
    selectChatHint: "Откройте разговор слева, чтобы прочитать его и ответить.",
    toggleSidebar: "Показать чаты",
  },
};
