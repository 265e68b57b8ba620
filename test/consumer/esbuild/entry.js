import 'mentorship-kit';

document.querySelector('mentor-booking').addEventListener('booking-confirmed', (event) => {
  document.querySelector('#last-booking').textContent = `Booked: ${event.detail.name}`;
});
