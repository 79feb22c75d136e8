package dev.lakesentry.runner.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Presentation of numbers: the one place amounts are rounded (to the cent, half even). */
public final class Fmt {
    private Fmt() {
    }

    /** An amount rounded to the cent. */
    public static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** An amount with thousands separators, to the cent, e.g. {@code 12,345.67}. */
    public static String amount(BigDecimal v) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f.format(cents(v));
    }

    /** An amount and its currency, e.g. {@code 12,345.67 USD}. */
    public static String money(BigDecimal v, String currency) {
        return amount(v) + " " + currency;
    }

    /** A share in percent with one decimal. */
    public static String percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return "0.0%";
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    /** Text cut to a width with an ellipsis. */
    public static String cut(String s, int width) {
        if (s == null) {
            return "";
        }
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "…";
    }
}
