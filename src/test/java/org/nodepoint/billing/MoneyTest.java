package org.nodepoint.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nodepoint.tickets.Hours;

/** Parsing rates and currencies, the cost of hours in whole cents, and the two printed forms of amounts. */
class MoneyTest {
    @ParameterizedTest(name = "\"{0}\" is {1} cents")
    @CsvSource(delimiter = '|', value = {
            "12.50|1250", "12,50|1250", "12.5|1250", "12|1200", "0|0", "0.01|1", " 7.05 |705", "1000000|100000000", "1000000.00|100000000"})
    void rate_parses_to_cents(String text, long cents) {
        assertThat(Money.parseRate(text)).contains(cents);
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "''", "12.345", "-1", "+1", "1000000.01", "10000000", "abc", "1e3", "1.", ".5", "1,000", "12 50", "١٢"})
    void invalid_rate_is_rejected(String text) {
        assertThat(Money.parseRate(text)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {"USD|USD", "eur|EUR", " Jpy |JPY"})
    void currency_is_three_letters_in_upper_case(String text, String code) {
        assertThat(Money.parseCurrency(text)).contains(code);
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @CsvSource(delimiter = '|', emptyValue = "", value = {"''", "US", "USDT", "U5D", "ÄBC", "$"})
    void invalid_currency_is_rejected(String text) {
        assertThat(Money.parseCurrency(text)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest(name = "{0} hundredths of an hour at {1} cents is {2} cents")
    @CsvSource({
            "125, 1250, 1563",   // 1.25 h x 12.50 = 15.625
            "10, 1250, 125",     // 0.1 h x 12.50 = 1.25
            "-50, 1250, -625",   // -0.5 h x 12.50 = -6.25
            "85, 1250, 1063",    // 0.85 h x 12.50 = 10.625
            "1, 33, 0",          // 0.01 h x 0.33 = 0.0033
            "2, 25, 1",          // 0.02 h x 0.25 = 0.005, half up
            "-2, 25, -1",        // half away from zero
            "0, 1250, 0"})
    void cost_of_hours_is_rounded_half_up_to_a_cent(long hundredths, long rateCents, long cents) {
        assertThat(Money.costOfHours(new Hours(hundredths), rateCents)).isEqualTo(cents);
    }

    @ParameterizedTest(name = "{0} cents print as {1} and {2}")
    @CsvSource({"2500, 25, 25.00", "250, 2.5, 2.50", "1563, 15.63, 15.63", "0, 0, 0.00", "-625, -6.25, -6.25", "100000000, 1000000, 1000000.00"})
    void amounts_print_plain_and_with_two_decimals(long cents, String plain, String decimal) {
        assertThat(Money.plain(cents)).isEqualTo(plain);
        assertThat(Money.decimal(cents)).isEqualTo(decimal);
    }
}
