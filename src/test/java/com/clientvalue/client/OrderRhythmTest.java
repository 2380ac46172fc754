package com.clientvalue.client;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OrderRhythmTest {
    @Test
    void readsEveryDayAsLocalDateParseDoes() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = LocalDate.of(1999, 12, 1); day.isBefore(LocalDate.of(2031, 3, 1)); day = day.plusDays(1)) {
            days.add(day);
        }
        String text = String.join(",", days.stream().map(LocalDate::toString).toList());
        assertEquals(days, OrderRhythm.parse(text));
        assertEquals(List.of(LocalDate.of(2011, 12, 9)), OrderRhythm.parse("2011-12-09"));
        assertEquals(List.of(), OrderRhythm.parse(""));
        assertEquals(List.of(), OrderRhythm.parse(null));
    }

    @Test
    void refusesWhatIsNotAListOfDates() {
        for (String bad : new String[]{"2011-12-9", "2011/12/09", "2011-12-09;2011-12-10", "2011-12-09,", "2011-13-01", "2011-02-30", "20x1-01-01"}) {
            assertThrows(RuntimeException.class, () -> OrderRhythm.parse(bad), bad);
        }
    }
}
