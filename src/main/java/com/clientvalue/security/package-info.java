/**
 * Who may do what: bearer tokens stored hashed in MariaDB, their roles, the bootstrap admin token
 * and the 401/403 problems. Announces token changes as events; depends on no feature.
 */
package com.clientvalue.security;
