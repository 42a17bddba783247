// The `stopword` package ships no types: its language lists are arrays of words.
declare module 'stopword' {
  export const eng: string[];
  export const fra: string[];
  export const deu: string[];
  export const spa: string[];
  export const ita: string[];
  export const por: string[];
  export const nld: string[];
  export const swe: string[];
  export const dan: string[];
  export const nob: string[];
  export const pol: string[];
  export const tur: string[];
}
