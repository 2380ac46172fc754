/**
 * What really is shared: problem+json mapping, strict JSON and request limits, business-date
 * validation, the clock and the embedded MariaDB. Depends on no feature.
 */
package com.clientvalue.common;
