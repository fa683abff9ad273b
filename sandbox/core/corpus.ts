/**
 * Realistic, reproducible content for the sandbox providers: Russian, Ukrainian and English
 * customers writing to support. Every fake draws from here with its own seed, so two runs
 * of the same fake serve the same data.
 */

export type Rng = () => number;

/** mulberry32: small, fast and good enough for test data. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export type Locale = "ru" | "uk" | "en";

const FIRST_NAMES: Record<Locale, readonly string[]> = {
  ru: [
    "Анна",
    "Дмитрий",
    "Екатерина",
    "Сергей",
    "Мария",
    "Алексей",
    "Ольга",
    "Иван",
    "Наталья",
    "Павел",
    "Татьяна",
    "Михаил",
  ],
  uk: [
    "Олександр",
    "Оксана",
    "Тарас",
    "Ганна",
    "Богдан",
    "Ірина",
    "Андрій",
    "Соломія",
    "Василь",
    "Олена",
    "Юрій",
    "Христина",
  ],
  en: [
    "Emily",
    "James",
    "Olivia",
    "Michael",
    "Sophie",
    "Daniel",
    "Grace",
    "Thomas",
    "Chloe",
    "William",
    "Hannah",
    "Jack",
  ],
};

const LAST_NAMES: Record<Locale, readonly string[]> = {
  ru: ["Иванова", "Смирнов", "Кузнецова", "Попов", "Соколова", "Лебедев", "Козлова", "Новиков", "Морозова", "Волков"],
  uk: [
    "Шевченко",
    "Коваленко",
    "Бондаренко",
    "Ткаченко",
    "Кравчук",
    "Мельник",
    "Олійник",
    "Лисенко",
    "Гребенюк",
    "Савчук",
  ],
  en: ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Thomas", "Roberts", "Walker"],
};

const CUSTOMER_LINES: Record<Locale, readonly string[]> = {
  ru: [
    "Здравствуйте! Мой заказ до сих пор не пришёл, подскажите, где он?",
    "Добрый день, не могу войти в личный кабинет.",
    "Спасибо, всё получилось!",
    "Когда будет возврат денег? Прошло уже пять дней.",
    "Можно поменять адрес доставки?",
    "Приложение вылетает при оплате картой.",
    "Подскажите, пожалуйста, часы работы пункта выдачи.",
    "Пришёл не тот размер, хочу обменять.",
    "Отправляю фото чека.",
    "Хорошо, жду.",
  ],
  uk: [
    "Доброго дня! Замовлення досі не надійшло, підкажіть, будь ласка.",
    "Не можу оплатити карткою, пише помилку.",
    "Дякую за допомогу!",
    "Чи можна змінити час доставки на вечір?",
    "Надсилаю скриншот помилки.",
    "Коли повернуть кошти за скасоване замовлення?",
    "Добре, чекаю на відповідь.",
    "У мене не приходить код підтвердження.",
  ],
  en: [
    "Hi, my order hasn't arrived yet. Could you check the status?",
    "I was charged twice for the same subscription.",
    "Thanks, that fixed it!",
    "How do I change the email on my account?",
    "The app keeps logging me out.",
    "Can I get a refund for the last invoice?",
    "Sending you a photo of the damaged box.",
    "Great, thank you for the quick reply.",
  ],
};

const AGENT_LINES: Record<Locale, readonly string[]> = {
  ru: [
    "Здравствуйте! Сейчас проверю ваш заказ.",
    "Заказ передан в доставку, трек-номер отправила в письме.",
    "Пожалуйста, попробуйте сбросить пароль по ссылке.",
    "Возврат оформлен, деньги придут в течение 3 рабочих дней.",
    "Уточните, пожалуйста, номер заказа.",
  ],
  uk: [
    "Вітаю! Зараз перевірю ваше замовлення.",
    "Кошти повернуться протягом трьох робочих днів.",
    "Уточніть, будь ласка, номер замовлення.",
    "Передала питання технічній команді.",
  ],
  en: [
    "Hello! Let me look into that for you.",
    "Your order is on its way; the tracking number is in your inbox.",
    "I've refunded the duplicate charge.",
    "Could you share your order number, please?",
    "I've escalated this to our engineers.",
  ],
};

export const EMOJIS = ["👍", "❤️", "😂", "🙏", "🔥", "👀", "✅", "😢"] as const;

export function personName(rng: Rng, locale: Locale = pick(rng, ["ru", "uk", "en"] as const)): string {
  return `${pick(rng, FIRST_NAMES[locale])} ${pick(rng, LAST_NAMES[locale])}`;
}

export function firstName(rng: Rng, locale: Locale): string {
  return pick(rng, FIRST_NAMES[locale]);
}

export function customerLine(rng: Rng, locale: Locale): string {
  return pick(rng, CUSTOMER_LINES[locale]);
}

export function agentLine(rng: Rng, locale: Locale): string {
  return pick(rng, AGENT_LINES[locale]);
}

export function randomLocale(rng: Rng): Locale {
  return pick(rng, ["ru", "uk", "en"] as const);
}

/** A plausible mobile number: Russian, Ukrainian or British. */
export function phoneNumber(rng: Rng, locale: Locale): string {
  const digits = (count: number) => Array.from({ length: count }, () => intBetween(rng, 0, 9)).join("");
  if (locale === "ru") return `+79${digits(9)}`;
  if (locale === "uk") return `+380${pick(rng, ["50", "67", "93", "97"])}${digits(7)}`;
  return `+447${digits(9)}`;
}

export const FILE_NAMES = ["invoice-2026-10.pdf", "receipt.jpg", "screenshot.png", "contract.docx", "log.txt"] as const;
