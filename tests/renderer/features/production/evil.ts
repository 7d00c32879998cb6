export const evil = '<img src=x onerror=alert(1)>'
